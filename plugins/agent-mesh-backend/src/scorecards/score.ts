import { ScorecardCheckStatus } from '@agent-mesh/plugin-agent-mesh-node';
import { ScorecardLevel } from './config';

const CREDIT: Partial<Record<ScorecardCheckStatus, number>> = {
  pass: 1,
  warn: 0.5,
  fail: 0,
};

/**
 * 0..100: the weighted share of passing checks among those counted (pass, warn at half, fail);
 * exempt and na are not counted. With nothing counted the score is 100. Rounded to one decimal.
 */
export function computeScore(
  outcomes: { status: ScorecardCheckStatus; weight: number }[],
): number {
  let total = 0;
  let earned = 0;
  for (const { status, weight } of outcomes) {
    const credit = CREDIT[status];
    if (credit === undefined || weight <= 0) continue;
    total += weight;
    earned += weight * credit;
  }
  return total === 0 ? 100 : Math.round((earned / total) * 1000) / 10;
}

/** The highest level whose minScore the score reaches, or null. */
export function levelFor(
  score: number,
  levels: ScorecardLevel[],
): string | null {
  let best: ScorecardLevel | undefined;
  for (const level of levels) {
    if (score >= level.minScore && (!best || level.minScore > best.minScore)) {
      best = level;
    }
  }
  return best?.name ?? null;
}
