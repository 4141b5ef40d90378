// Pair metrics of the overlap-quality bench: precision, recall and F1 at a threshold, average
// precision of the ranked pairs, the best threshold, a held-out threshold check, and the mean
// average precision of each item's ranking (the first set's figure of before).
import { Item, isPositive, pairLabel, Tier } from './datasets';

/** All pairwise scores of one method, by pair key. */
export type Scores = Map<string, number>;

/** The `kind` the engine gave a pair, by pair key (absent when it gives none). */
export type Kinds = Map<string, string | undefined>;

export const pairKey = (a: string, b: string) =>
  a < b ? `${a}|${b}` : `${b}|${a}`;

/** One unordered pair as a tier sees it. */
export interface Pair {
  key: string;
  score: number;
  positive: boolean;
  /** Whether the pair may be predicted in this tier: false when the engine called it an alternative. */
  eligible: boolean;
}

/** The pairs inside `items` for a tier. In the duplicate tier only `duplicate` kinds are eligible. */
export function pairsOf(
  items: Item[],
  scores: Scores,
  tier: Tier,
  kinds?: Kinds,
): Pair[] {
  const pairs: Pair[] = [];
  items.forEach((a, i) =>
    items.slice(i + 1).forEach(b => {
      const key = pairKey(a.id, b.id);
      const kind = kinds?.get(key);
      pairs.push({
        key,
        score: scores.get(key) ?? 0,
        positive: isPositive(pairLabel(a, b, tier), tier),
        eligible: tier === 'any' || kind === undefined || kind === 'duplicate',
      });
    }),
  );
  return pairs;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

function prfOf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 =
    precision + recall === 0
      ? 0
      : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

const predicted = (p: Pair, threshold: number) =>
  p.eligible && p.score > 0 && p.score >= threshold;

/** Precision, recall and F1 at a threshold. */
export function prf(pairs: Pair[], threshold: number): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pairs) {
    if (predicted(p, threshold)) {
      if (p.positive) tp++;
      else fp++;
    } else if (p.positive) fn++;
  }
  return prfOf(tp, fp, fn);
}

/** Pairs with a score, best first (ties by key, so that every run ranks alike). */
const ranked = (pairs: Pair[]) =>
  pairs
    .filter(p => p.score > 0)
    .sort((x, y) => y.score - x.score || x.key.localeCompare(y.key));

/**
 * Average precision of the eligible pairs ranked by score: the mean over all positives of the
 * precision at each positive's rank; a positive without a score, or one the engine calls an
 * alternative in a duplicate tier, counts 0. So in a duplicate tier the engine is ranked by what
 * it offers as duplicates, as a user filtering by kind sees it; baselines have no kinds and
 * rank every pair.
 */
export function averagePrecision(pairs: Pair[]): number {
  const positives = pairs.filter(p => p.positive).length;
  let hits = 0;
  let sum = 0;
  ranked(pairs.filter(p => p.eligible)).forEach((p, i) => {
    if (p.positive) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return sum / positives;
}

/** The threshold with the best F1, and that F1 (one pass over the pairs, best first). */
export function bestThreshold(pairs: Pair[]): {
  threshold: number;
  f1: number;
} {
  const positives = pairs.filter(p => p.positive).length;
  const candidates = ranked(pairs.filter(p => p.eligible));
  let best = { threshold: Infinity, f1: prfOf(0, 0, positives).f1 };
  let tp = 0;
  let fp = 0;
  candidates.forEach((p, i) => {
    if (p.positive) tp++;
    else fp++;
    if (candidates[i + 1]?.score === p.score) return;
    const { f1 } = prfOf(tp, fp, positives - tp);
    if (f1 > best.f1) best = { threshold: p.score, f1 };
  });
  return best;
}

/** The threshold with the best F1 on the tune pairs, and the F1 it gives on the held-out pairs. */
export function heldOutF1(
  tune: Pair[],
  heldOut: Pair[],
): { threshold: number; f1: number } {
  const { threshold } = bestThreshold(tune);
  return { threshold, f1: prf(heldOut, threshold).f1 };
}

/** Mean over items with at least one positive partner of the average precision of their ranking. */
export function meanAveragePrecision(
  items: Item[],
  scores: Scores,
  tier: Tier,
): number {
  const aps: number[] = [];
  for (const a of items) {
    const others = items.filter(b => b.id !== a.id);
    const relevant = others.filter(b =>
      isPositive(pairLabel(a, b, tier), tier),
    );
    if (relevant.length === 0) continue;
    const pairs = others.map(b => ({
      key: b.id,
      score: scores.get(pairKey(a.id, b.id)) ?? 0,
      positive: isPositive(pairLabel(a, b, tier), tier),
      eligible: true,
    }));
    aps.push(averagePrecision(pairs));
  }
  return aps.reduce((s, v) => s + v, 0) / aps.length;
}
