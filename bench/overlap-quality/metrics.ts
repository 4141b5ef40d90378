// Pair metrics of the overlap-quality bench: precision, recall and F1 at a threshold, mean
// average precision of rankings, and a held-out threshold check on random halves of the groups.

/** One labelled item: its id and its group (`null` when it overlaps nothing). */
export interface LabelledItem {
  id: string;
  group: string | null;
}

/** All pairwise scores of one method, by pair key. */
export type Scores = Map<string, number>;

export const pairKey = (a: string, b: string) =>
  a < b ? `${a}|${b}` : `${b}|${a}`;

const overlaps = (a: LabelledItem, b: LabelledItem) =>
  a.id !== b.id && a.group !== null && a.group === b.group;

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 over the unordered pairs of `items` at a threshold. */
export function prf(
  items: LabelledItem[],
  scores: Scores,
  threshold: number,
): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const predicted =
        (scores.get(pairKey(items[i].id, items[j].id)) ?? 0) >= threshold &&
        (scores.get(pairKey(items[i].id, items[j].id)) ?? 0) > 0;
      const actual = overlaps(items[i], items[j]);
      if (predicted && actual) tp++;
      else if (predicted) fp++;
      else if (actual) fn++;
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 =
    precision + recall === 0
      ? 0
      : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Mean over items with at least one true partner of the average precision of their ranking. */
export function meanAveragePrecision(
  items: LabelledItem[],
  scores: Scores,
): number {
  const aps: number[] = [];
  for (const a of items) {
    const relevant = items.filter(b => overlaps(a, b)).length;
    if (relevant === 0) continue;
    const ranked = items
      .filter(b => b.id !== a.id)
      .map(b => ({ b, score: scores.get(pairKey(a.id, b.id)) ?? 0 }))
      .sort((x, y) => y.score - x.score || x.b.id.localeCompare(y.b.id));
    let hits = 0;
    let sum = 0;
    ranked.forEach(({ b, score }, i) => {
      if (score > 0 && overlaps(a, b)) {
        hits++;
        sum += hits / (i + 1);
      }
    });
    aps.push(sum / relevant);
  }
  return aps.reduce((s, v) => s + v, 0) / aps.length;
}

/** The threshold with the best F1 on `items`, and that F1. */
export function bestThreshold(
  items: LabelledItem[],
  scores: Scores,
): { threshold: number; f1: number } {
  const ids = new Set(items.map(i => i.id));
  const candidates = [
    ...new Set(
      [...scores]
        .filter(([key, s]) => {
          const [a, b] = key.split('|');
          return s > 0 && ids.has(a) && ids.has(b);
        })
        .map(([, s]) => s),
    ),
  ].sort((a, b) => a - b);
  let best = { threshold: 1, f1: 0 };
  for (const t of candidates) {
    const { f1 } = prf(items, scores, t);
    if (f1 > best.f1) best = { threshold: t, f1 };
  }
  return best;
}

/** A small seeded generator, so that the random halves are the same in every run. */
function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Held-out threshold: split the groups (and the singletons) at random into two halves, choose
 * the threshold with the best F1 on the pairs of one half, measure F1 with it on the pairs of
 * the other half; both ways round, over `rounds` random splits. What a threshold chosen on
 * labelled data would give on a catalog it was not chosen on.
 */
export function heldOutF1(
  items: LabelledItem[],
  scores: Scores,
  rounds = 20,
): { f1: number; min: number; max: number } {
  const random = mulberry32(20261202);
  const units = [
    ...new Set(items.map(i => i.group ?? `single:${i.id}`)),
  ].sort();
  const results: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const half = new Set(units.filter(() => random() < 0.5));
    const unit = (i: LabelledItem) => i.group ?? `single:${i.id}`;
    const a = items.filter(i => half.has(unit(i)));
    const b = items.filter(i => !half.has(unit(i)));
    for (const [calibrate, test] of [
      [a, b],
      [b, a],
    ]) {
      const { threshold } = bestThreshold(calibrate, scores);
      results.push(prf(test, scores, threshold).f1);
    }
  }
  return {
    f1: results.reduce((s, v) => s + v, 0) / results.length,
    min: Math.min(...results),
    max: Math.max(...results),
  };
}
