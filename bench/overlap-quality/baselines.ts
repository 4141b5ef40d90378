// The simple baselines the engine is compared with: what one would write in an afternoon.
import MiniSearch from 'minisearch';
import { eng as englishStopWords } from 'stopword';
import { pairKey, Scores } from './metrics';

export interface TextItem {
  id: string;
  title: string;
  description: string;
}

function words(item: TextItem): string[] {
  return (
    `${item.title} ${item.description}`.toLowerCase().match(/[a-z0-9]+/g) ?? []
  );
}

/** Jaccard of the word sets of title and description. */
export function jaccardScores(items: TextItem[]): Scores {
  const sets = new Map(items.map(i => [i.id, new Set(words(i))]));
  const scores: Scores = new Map();
  for (const a of items) {
    for (const b of items) {
      if (a.id >= b.id) continue;
      const sa = sets.get(a.id)!;
      const sb = sets.get(b.id)!;
      const shared = [...sa].filter(w => sb.has(w)).length;
      scores.set(pairKey(a.id, b.id), shared / (sa.size + sb.size - shared));
    }
  }
  return scores;
}

const stop = new Set(englishStopWords);

/** The words of title and description without English stop words, in order, repeats kept. */
export const contentWords = (item: TextItem) =>
  words(item).filter(w => !stop.has(w));

/**
 * The smoothed inverse document frequency of a word over `items` (TF-IDF's weight): `wordsOf`
 * gives each item's words, repeats counted once.
 */
export function inverseDocumentFrequency<T>(
  items: T[],
  wordsOf: (item: T) => Iterable<string>,
): (word: string) => number {
  const df = new Map<string, number>();
  for (const item of items)
    for (const w of new Set(wordsOf(item))) df.set(w, (df.get(w) ?? 0) + 1);
  return w => Math.log((items.length + 1) / ((df.get(w) ?? 0) + 1)) + 1;
}

/** TF-IDF cosine of title and description: English stop words out, no stemming, no synonyms. */
export function tfidfScores(items: TextItem[]): Scores {
  const docs = new Map(
    items.map(i => {
      const tf = new Map<string, number>();
      for (const w of contentWords(i)) tf.set(w, (tf.get(w) ?? 0) + 1);
      return [i.id, tf];
    }),
  );
  const idf = inverseDocumentFrequency([...docs.values()], tf => tf.keys());
  const vectors = new Map(
    [...docs].map(([id, tf]) => {
      const v = new Map([...tf].map(([w, n]) => [w, n * idf(w)]));
      const norm =
        Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0)) || 1;
      return [id, { v, norm }];
    }),
  );
  const scores: Scores = new Map();
  for (const a of items) {
    for (const b of items) {
      if (a.id >= b.id) continue;
      const va = vectors.get(a.id)!;
      const vb = vectors.get(b.id)!;
      let dot = 0;
      for (const [w, x] of va.v) dot += x * (vb.v.get(w) ?? 0);
      scores.set(pairKey(a.id, b.id), dot / (va.norm * vb.norm));
    }
  }
  return scores;
}

/**
 * BM25 (MiniSearch's BM25+ with its default parameters) of title and description, English stop
 * words out, no fuzzy or prefix matching. Each item's words are the query; the score of another
 * item is divided by the item's score for itself, and a pair takes the higher of its two
 * directions. MiniSearch multiplies its sum by the number of query terms matched, which squares
 * the weight of shared filler words against a long query; that factor is taken out again.
 */
export function bm25Scores(items: TextItem[]): Scores {
  const text = (i: TextItem) => `${i.title} ${i.description}`;
  const index = new MiniSearch<TextItem>({
    fields: ['text'],
    extractField: (item, field) => (field === 'id' ? item.id : text(item)),
    processTerm: term => {
      const word = term.toLowerCase();
      return stop.has(word) ? null : word;
    },
  });
  index.addAll(items);
  const scores: Scores = new Map();
  for (const a of items) {
    const query = [...new Set(words(a))].join(' ');
    const results = index
      .search(query, { combineWith: 'OR' })
      .map(r => ({ id: String(r.id), bm25: r.score / r.queryTerms.length }));
    const self = results.find(r => r.id === a.id)?.bm25;
    if (!self) continue;
    for (const r of results) {
      if (r.id === a.id) continue;
      const key = pairKey(a.id, r.id);
      scores.set(key, Math.max(scores.get(key) ?? 0, r.bm25 / self));
    }
  }
  return scores;
}
