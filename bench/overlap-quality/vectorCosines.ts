// The cosine of two dense vectors, and of every pair of items from one vector per item: what
// the sentence-encoder and word-vector methods of the bench score pairs with.
import { pairKey, Scores } from './metrics';

export function dot(a: number[], b: number[]): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += a[k] * b[k];
  return sum;
}

export function cosine(a: number[], b: number[]): number {
  const norms = dot(a, a) * dot(b, b);
  return norms === 0 ? 0 : dot(a, b) / Math.sqrt(norms);
}

/** Every pair of `items` with the cosine of their vectors (`vectors[i]` is `items[i]`'s). */
export function pairCosines(
  items: Array<{ id: string }>,
  vectors: number[][],
): Scores {
  const scores: Scores = new Map();
  items.forEach((a, i) =>
    items.slice(i + 1).forEach((b, j) => {
      scores.set(pairKey(a.id, b.id), cosine(vectors[i], vectors[i + 1 + j]));
    }),
  );
  return scores;
}
