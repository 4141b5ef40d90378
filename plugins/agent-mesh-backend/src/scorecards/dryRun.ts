import { AuthService } from '@backstage/backend-plugin-api';
import { ScorecardCheck } from '@agent-mesh/plugin-agent-mesh-node';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { parseScorecardsConfig } from './config';
import { evaluateEntities } from './evaluateEntities';
import { loadAllEntities } from './loadEntities';
import { ScorecardRollup, summarizeScorecards } from './rollup';
import { ScorecardStore } from './ScorecardStore';
import { ActivityLookup, OverlapLookup, ScorecardResult } from './types';

/** `POST /scorecards/dry-run` response. */
export interface DryRunResult {
  /** The whole organisation under the given configuration. */
  summary: ScorecardRollup;
  /** Entities whose score or level differs from their latest stored result. */
  changes: {
    entityRef: string;
    score: number;
    level: string | null;
    previousScore: number | null;
    previousLevel: string | null;
  }[];
  results: ScorecardResult[];
}

/**
 * Evaluates a configuration (the value of `agentMesh.scorecards`) against the catalog without
 * storing anything, and compares it with the stored results. Throws InputError for a bad config.
 */
export async function dryRunScorecards(options: {
  configValue: unknown;
  catalog: CatalogService;
  auth: AuthService;
  checks: ScorecardCheck[];
  store?: ScorecardStore;
  overlaps?: OverlapLookup;
  activity?: ActivityLookup;
  now?: Date;
  entityRefs?: string[];
  /** Where the entities come from; by default every entity, read from the catalog. */
  loadEntities?: () => Promise<Entity[]>;
  /**
   * What the caller may see of the results (`ScorecardVisibility.shown`), applied before they
   * are summarised and compared; by default all of them.
   */
  show?: <R extends ScorecardResult>(results: R[]) => Promise<R[]>;
}): Promise<DryRunResult> {
  const config = parseScorecardsConfig(options.configValue, {
    prefix: 'config',
    knownCheckIds: options.checks.map(c => c.id),
  });
  const entities = options.loadEntities
    ? await options.loadEntities()
    : await loadAllEntities(
        options.catalog,
        await options.auth.getOwnServiceCredentials(),
      );
  const evaluated = await evaluateEntities(entities, {
    checks: options.checks,
    config,
    now: options.now ?? new Date(),
    overlaps: options.overlaps,
    activity: options.activity,
    only: options.entityRefs
      ? new Set(options.entityRefs.map(r => r.toLocaleLowerCase('en-US')))
      : undefined,
  });
  const results = options.show ? await options.show(evaluated) : evaluated;
  const previous = new Map(
    (options.store ? await options.store.latestByOwners() : []).map(r => [
      r.entityRef,
      r,
    ]),
  );
  const changes: DryRunResult['changes'] = [];
  for (const r of results) {
    const before = previous.get(r.entityRef);
    if (!before || before.score !== r.score || before.level !== r.level) {
      changes.push({
        entityRef: r.entityRef,
        score: r.score,
        level: r.level,
        previousScore: before?.score ?? null,
        previousLevel: before?.level ?? null,
      });
    }
  }
  return {
    summary: summarizeScorecards(results, {
      owner: null,
      owners: [],
      levels: config.levels,
    }),
    changes,
    results: results.map(({ ownerRef: _ownerRef, ...r }) => r),
  };
}
