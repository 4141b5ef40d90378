import { GetScorecardRollupResponse } from '@agent-mesh/plugin-agent-mesh-common';
import { ScorecardLevel } from './config';
import { StoredScorecard } from './ScorecardStore';
import { ScorecardResult } from './types';

/** `GET /scorecards/rollup` response. */
export type ScorecardRollup = GetScorecardRollupResponse;

const mean = (values: number[]) =>
  values.length
    ? Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10
    : null;

/** Summarises scorecard results: average, level distribution, failing checks, per team. */
export function summarizeScorecards(
  results: (ScorecardResult &
    Partial<Pick<StoredScorecard, 'evaluatedAt'>> & {
      ownerRef: string | null;
    })[],
  options: { owner: string | null; owners: string[]; levels: ScorecardLevel[] },
): ScorecardRollup {
  const levels: Record<string, number> = {};
  for (const level of options.levels) levels[level.name] = 0;
  levels.none = 0;
  const failing = new Map<
    string,
    { id: string; title: string; count: number }
  >();
  const byOwner = new Map<string | null, number[]>();

  for (const result of results) {
    const level = result.level ?? 'none';
    levels[level] = (levels[level] ?? 0) + 1;
    for (const check of result.checks) {
      if (check.status !== 'fail') continue;
      const entry = failing.get(check.id) ?? {
        id: check.id,
        title: check.title,
        count: 0,
      };
      entry.count += 1;
      failing.set(check.id, entry);
    }
    const scores = byOwner.get(result.ownerRef) ?? [];
    scores.push(result.score);
    byOwner.set(result.ownerRef, scores);
  }

  return {
    owner: options.owner,
    owners: options.owners,
    entityCount: results.length,
    averageScore: mean(results.map(r => r.score)),
    levels,
    failingChecks: [...failing.values()].sort(
      (a, b) => b.count - a.count || a.id.localeCompare(b.id),
    ),
    teams: [...byOwner.entries()]
      .map(([owner, scores]) => ({
        owner,
        entityCount: scores.length,
        averageScore: mean(scores)!,
      }))
      .sort((a, b) => (a.owner ?? '').localeCompare(b.owner ?? '')),
    entities: results.map(r => ({
      entityRef: r.entityRef,
      owner: r.ownerRef,
      score: r.score,
      level: r.level,
      ...(r.evaluatedAt ? { evaluatedAt: r.evaluatedAt } : {}),
    })),
  };
}
