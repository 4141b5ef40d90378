import { agentMeshInsightsReadPermission } from '@agent-mesh/plugin-agent-mesh-common';
import { DatabaseActionAggregates } from '../actions-log/DatabaseActionAggregates';
import { ActionReadAuthorizer } from '../actions-log/permissions';
import { readOverlapConfig } from '../overlap/engine';
import {
  startReconcileWarmUp,
  WARM_UP_MAX_MS,
} from '../overlap/reconcileWarmUp';
import { AgentMeshServices } from '../services';
import { callerVisibility } from './callerVisibility';
import { createOverviewRouter } from './createOverviewRouter';
import { DatabaseFirstSeenStore } from './FirstSeenStore';
import { DatabaseOverlapPairStore } from './OverlapPairStore';
import { OverviewReadModel } from './OverviewReadModel';
import { buildOverviewSnapshot, ScoreSource } from './OverviewSnapshot';
import { FIRST_SEEN_TASK_ID, recordFirstSeen } from './recordFirstSeen';
import {
  OVERVIEW_PAIRS_TASK_ID,
  OverlapPairSource,
  refreshOverlapPairs,
} from './refreshOverlapPairs';

/** The id of each replica's scheduled re-read of its overview snapshot (local). */
export const OVERVIEW_SNAPSHOT_TASK_ID = 'agent-mesh-overview-snapshot';

/** How often each replica checks the store for overlap pairs computed by another. */
const PAIRS_POLL_INTERVAL_MS = 5_000;

/**
 * Sets up the organisation overview: `GET /overview`, answered from a read model
 * (`OverviewReadModel`) that scheduled tasks keep up to date, so that a request reads neither the
 * catalog's entities nor the overlap index:
 *
 * - `agent-mesh-overview-snapshot` (local, every minute, and every few seconds after a start until
 *   the catalog settles): each replica re-reads its snapshot of the catalog, first-seen times,
 *   first actions and latest scores;
 * - `agent-mesh-overview-overlap-pairs` (global, every 15 s): one replica asks the overlap index
 *   about every AI-built entity when the index changed, and stores the pairs that every replica
 *   loads (`agent_mesh_overview_overlap_pairs`), so a restarted replica has them at once;
 * - `agent-mesh-overview-first-seen` (global, every 10 minutes): records when entities first
 *   appear.
 *
 * Until the snapshot and the pairs are there, answers say `indexReady: false` with a message.
 */
export async function setupOverview(
  services: Pick<
    AgentMeshServices,
    | 'config'
    | 'database'
    | 'scheduler'
    | 'lifecycle'
    | 'httpRouter'
    | 'httpAuth'
    | 'auth'
    | 'permissions'
    | 'permissionsRegistry'
    | 'catalog'
    | 'logger'
  >,
  options: {
    overlaps: OverlapPairSource;
    scorecards: { store: ScoreSource; config: { levels: { name: string }[] } };
    /** Decides which actions a caller's activity figures count. */
    readAuthorizer: ActionReadAuthorizer;
    /** The current time (tests); default the clock. */
    now?: () => Date;
  },
): Promise<void> {
  const { database, scheduler, lifecycle, catalog, auth, logger } = services;
  const now = options.now ?? (() => new Date());
  services.permissionsRegistry.addPermissions([
    agentMeshInsightsReadPermission,
  ]);
  const firstSeen = await DatabaseFirstSeenStore.create({ database });
  const actions = await DatabaseActionAggregates.create({ database });
  const pairStore = await DatabaseOverlapPairStore.create({ database });
  const overlapConfig = readOverlapConfig(services.config);
  const clusterThreshold = overlapConfig.threshold;
  const overlapSubjects = {
    kinds: overlapConfig.kinds,
    types: overlapConfig.types,
  };

  const model = new OverviewReadModel({
    build: () =>
      buildOverviewSnapshot(
        {
          catalog,
          auth,
          firstSeen,
          scores: options.scorecards.store,
          actions,
          overlapSubjects,
        },
        now,
      ),
    pairStore,
    clusterThreshold,
    logger,
    emptyCatalogReadyAt: Date.now() + WARM_UP_MAX_MS,
  });
  model.startPolling(PAIRS_POLL_INTERVAL_MS);
  lifecycle.addShutdownHook(() => model.stopPolling());

  await scheduler.scheduleTask({
    id: FIRST_SEEN_TASK_ID,
    frequency: { minutes: 10 },
    timeout: { minutes: 10 },
    initialDelay: { seconds: 30 },
    scope: 'global',
    fn: async signal => {
      await recordFirstSeen({
        catalog,
        auth,
        store: firstSeen,
        logger,
        overlapSubjects,
        now,
        signal,
      });
    },
  });

  await scheduler.scheduleTask({
    id: OVERVIEW_SNAPSHOT_TASK_ID,
    frequency: { minutes: 1 },
    timeout: { minutes: 10 },
    // The first snapshot is read right after the start (below).
    initialDelay: { minutes: 1 },
    scope: 'local',
    fn: async () => {
      await model.refreshSnapshot();
      await model.refreshPairs();
    },
  });

  // Cheap while the overlap index and the entities stay the same: it compares versions only.
  await scheduler.scheduleTask({
    id: OVERVIEW_PAIRS_TASK_ID,
    frequency: { seconds: 15 },
    timeout: { minutes: 30 },
    scope: 'global',
    fn: async signal => {
      await refreshOverlapPairs({
        model,
        overlaps: options.overlaps,
        store: pairStore,
        logger,
        now,
        signal,
      });
    },
  });

  // After a start, the snapshot is read at once and then every few seconds until the catalog
  // has settled, as the overlap index is; answers meanwhile say what is not built yet.
  lifecycle.addStartupHook(() => {
    model
      .refreshPairs()
      .catch(error =>
        logger.warn(`Could not load the overview's overlap pairs: ${error}`),
      );
    const warmUp = startReconcileWarmUp({
      scheduler,
      taskId: OVERVIEW_SNAPSHOT_TASK_ID,
      logger,
      what: 'Overview read model',
      state: () => {
        const { snapshot } = model.view();
        return {
          ready: Boolean(snapshot),
          size: snapshot
            ? snapshot.agents.length + snapshot.artifacts.length
            : 0,
          seq: model.contentVersion,
        };
      },
    });
    lifecycle.addShutdownHook(() => warmUp.stop());
  });

  services.httpRouter.use(
    createOverviewRouter({
      sources: {
        view: () => model.view(),
        visibility: (credentials, refs) =>
          callerVisibility(
            { catalog, auth, permissions: services.permissions },
            credentials,
            refs,
          ),
        clusterThreshold,
        levelNames: options.scorecards.config.levels.map(l => l.name),
        actions,
      },
      readAuthorizer: options.readAuthorizer,
      httpAuth: services.httpAuth,
      permissions: services.permissions,
      now,
    }),
  );
}
