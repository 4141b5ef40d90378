import { OverviewScoreDistribution } from '@agent-mesh/plugin-agent-mesh-common';

/**
 * Scores by level (the configured levels in their order, then `none`) and in ten buckets of
 * width 10; a score of 100 falls in the last bucket.
 */
export function scoreDistribution(
  results: { score: number; level: string | null }[],
  levelNames: string[],
): OverviewScoreDistribution {
  const byLevel = new Map<string, number>(
    [...levelNames, 'none'].map(name => [name, 0]),
  );
  const buckets = Array.from({ length: 10 }, (_, i) => ({
    from: i * 10,
    to: i * 10 + 10,
    count: 0,
  }));
  for (const { score, level } of results) {
    const name = level ?? 'none';
    byLevel.set(name, (byLevel.get(name) ?? 0) + 1);
    const index = Math.min(9, Math.max(0, Math.floor(score / 10)));
    buckets[index].count += 1;
  }
  return {
    byLevel: [...byLevel.entries()].map(([level, count]) => ({ level, count })),
    buckets,
  };
}
