import { Entity } from '@backstage/catalog-model';
import { ScorecardCheck } from '@agent-mesh/plugin-agent-mesh-node';
import { ScorecardsConfig } from './config';
import { createScorecardContext } from './createScorecardContext';
import { createSnapshotSource } from './entitySources';
import { evaluateScorecard } from './evaluateScorecard';
import { hasScorecard } from './filters';
import { ownerRefOf, refOf } from './refs';
import { ActivityLookup, OverlapLookup, ScorecardResult } from './types';

const CONCURRENCY = 50;

/**
 * Evaluates every entity in `entities` that has a scorecard under the config, looking other
 * entities up in the same set. Used by the scheduled job, dry runs and the benchmark.
 */
export async function evaluateEntities(
  entities: Entity[],
  options: {
    checks: ScorecardCheck[];
    config: ScorecardsConfig;
    now: Date;
    overlaps?: OverlapLookup;
    activity?: ActivityLookup;
    /** Only these refs (full, lower-case); default all. */
    only?: Set<string>;
  },
): Promise<(ScorecardResult & { ownerRef: string | null })[]> {
  const { checks, config } = options;
  const context = createScorecardContext({
    source: createSnapshotSource(entities),
    now: options.now,
    activityWindowDays: config.activityWindowDays,
    overlaps: options.overlaps,
    activity: options.activity,
  });
  const subjects = entities.filter(
    e =>
      hasScorecard(e, config) && (!options.only || options.only.has(refOf(e))),
  );
  await context.prefetchActivity(subjects.map(refOf));

  const results: (ScorecardResult & { ownerRef: string | null })[] = [];
  for (let i = 0; i < subjects.length; i += CONCURRENCY) {
    const batch = await Promise.all(
      subjects.slice(i, i + CONCURRENCY).map(async entity => ({
        ...(await evaluateScorecard(entity, { checks, config, context })),
        ownerRef: ownerRefOf(entity) ?? null,
      })),
    );
    results.push(...batch);
  }
  return results;
}
