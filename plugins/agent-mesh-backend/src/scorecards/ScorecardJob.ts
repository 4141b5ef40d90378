import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { ScorecardCheck } from '@agent-mesh/plugin-agent-mesh-node';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ScorecardsConfig } from './config';
import { evaluateEntities } from './evaluateEntities';
import { loadAllEntities } from './loadEntities';
import { ScorecardStore } from './ScorecardStore';
import { ActivityLookup, OverlapLookup } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The scheduled evaluation: reads the whole catalog with the plugin's service credentials,
 * evaluates every entity that has a scorecard, records the results and prunes old history.
 */
export class ScorecardJob {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: ScorecardStore;
      logger: LoggerService;
      checks: ScorecardCheck[];
      config: ScorecardsConfig;
      overlaps?: OverlapLookup;
      activity?: ActivityLookup;
      now?: () => Date;
    },
  ) {}

  /**
   * One run. With `signal` (the scheduler's, aborted when the task's timeout passes) the run
   * stops between catalog pages and before it records anything.
   */
  async run(
    signal?: AbortSignal,
  ): Promise<{ evaluated: number; evaluatedAt: string }> {
    const { catalog, auth, store, logger, checks, config } = this.deps;
    const started = Date.now();
    const now = this.deps.now?.() ?? new Date();
    const credentials = await auth.getOwnServiceCredentials();
    const entities = await loadAllEntities(
      catalog,
      credentials,
      undefined,
      signal,
    );
    const results = await evaluateEntities(entities, {
      checks,
      config,
      now,
      overlaps: this.deps.overlaps,
      activity: this.deps.activity,
    });
    const evaluatedAt = now.toISOString();
    signal?.throwIfAborted();
    await store.recordRun(results, { evaluatedAt, complete: true });
    const pruned = await store.pruneHistory(
      new Date(now.getTime() - config.historyDays * DAY_MS).toISOString(),
    );
    logger.info(
      `Scorecards: evaluated ${results.length} of ${
        entities.length
      } catalog entities in ${
        Date.now() - started
      } ms; pruned ${pruned} old result(s)`,
    );
    return { evaluated: results.length, evaluatedAt };
  }
}
