import { agentMeshInsightsReadPermission } from '@agent-mesh/plugin-agent-mesh-common';
import { OverlapSignal } from '@agent-mesh/plugin-agent-mesh-node';
import { AgentMeshServices } from '../services';
import { createOverlapRouter } from './createOverlapRouter';
import { OverlapIndex, readOverlapConfig } from './engine';
import { notifyNewOverlaps } from './notifyNewOverlaps';
import { NotifiedPairStore } from './NotifiedPairStore';
import { DatabaseOverlapSubjectStore } from './OverlapSubjectStore';
import { DefaultOverlapService, OverlapService } from './OverlapService';
import { reconcileOverlapSubjects } from './reconcile';
import {
  OVERLAP_RECONCILE_TASK_ID,
  readNotificationsEnabled,
  readOverlapSchedule,
  STORE_POLL_INTERVAL_MS,
  TOMBSTONE_RETENTION_MS,
} from './schedule';
import { SyncedOverlapIndex } from './SyncedOverlapIndex';
import { startReconcileWarmUp, WARM_UP_MAX_MS } from './reconcileWarmUp';

/**
 * Sets up overlap detection: the store of subjects, the in-memory index built from it, the
 * scheduled reconcile with the catalog, notifications of new overlaps, and the routes.
 *
 * Catalog events: Backstage 1.55's catalog (plugin-catalog-backend 4.0) publishes only
 * `experimental.catalog.errors` and `experimental.catalog.conflict` on the events service, no
 * entity added/changed/removed events, so there is nothing to subscribe to. The index follows
 * the catalog through the reconcile (one replica per run: a global task) and through an
 * on-demand lookup of an entity that a query asks for and the index does not have yet.
 */
export async function setupOverlap(
  services: AgentMeshServices,
  options: { signals?: OverlapSignal[] } = {},
): Promise<OverlapService> {
  const {
    config: rootConfig,
    logger,
    database,
    scheduler,
    lifecycle,
    catalog,
    auth,
    notifications,
  } = services;
  const config = readOverlapConfig(rootConfig);
  const schedule = readOverlapSchedule(rootConfig);
  const notify = readNotificationsEnabled(rootConfig);
  services.permissionsRegistry.addPermissions([
    agentMeshInsightsReadPermission,
  ]);

  const store = await DatabaseOverlapSubjectStore.create({ database });
  const pairs = new NotifiedPairStore(await database.getClient());
  const synced = new SyncedOverlapIndex({
    store,
    createIndex: () => new OverlapIndex({ config, signals: options.signals }),
    logger,
  });
  await synced.load();
  synced.startPolling(STORE_POLL_INTERVAL_MS);
  lifecycle.addShutdownHook(() => synced.stopPolling());

  const overlaps = new DefaultOverlapService({
    synced,
    store,
    catalog,
    auth,
    config,
    logger,
  });

  const startedAt = Date.now();
  await scheduler.scheduleTask({
    id: OVERLAP_RECONCILE_TASK_ID,
    ...schedule,
    scope: 'global',
    fn: async signal => {
      const result = await reconcileOverlapSubjects({
        catalog,
        auth,
        store,
        config,
        logger,
        signal,
      });
      // Built means "holds the catalog": a reconcile that found nothing right after a start
      // (the catalog still ingesting) does not count, unless the catalog stays empty longer
      // than the warm-up lasts.
      if (result.seen > 0 || Date.now() - startedAt > WARM_UP_MAX_MS) {
        await store.markReconciled(Date.now());
      }
      await synced.refresh();
      if (notify && result.upserted.length > 0) {
        await notifyNewOverlaps({
          changed: result.upserted,
          synced,
          pairs,
          notifications,
          logger,
        });
      }
      await store.pruneTombstones(Date.now() - TOMBSTONE_RETENTION_MS);
    },
  });

  // The index is built soon after a start, not at the schedule's first run.
  lifecycle.addStartupHook(() => {
    const warmUp = startReconcileWarmUp({
      scheduler,
      taskId: OVERLAP_RECONCILE_TASK_ID,
      logger,
      state: () => ({
        ready: synced.ready,
        size: synced.index.size,
        seq: synced.seq,
      }),
    });
    lifecycle.addShutdownHook(() => warmUp.stop());
  });

  services.httpRouter.use(
    createOverlapRouter({
      overlaps,
      httpAuth: services.httpAuth,
      permissions: services.permissions,
    }),
  );
  return overlaps;
}
