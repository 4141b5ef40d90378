import { agentMeshInsightsReadPermission } from '@agent-mesh/plugin-agent-mesh-common';
import { DatabaseActionAggregates } from '../actions-log/DatabaseActionAggregates';
import { readOverlapConfig } from '../overlap/engine';
import { AgentMeshServices } from '../services';
import { ActionReadAuthorizer } from '../actions-log/permissions';
import { CachedOverlapSource } from './CachedOverlapSource';
import { OverlapSource } from './clusters';
import { ScoreSource } from './computeOverview';
import { createOverviewRouter } from './createOverviewRouter';
import { DatabaseFirstSeenStore } from './FirstSeenStore';
import { FIRST_SEEN_TASK_ID, recordFirstSeen } from './recordFirstSeen';

/**
 * Sets up the organisation overview: `GET /overview` over the catalog, the overlap index, the
 * latest scorecard results and the action log, and the scheduled recording of when entities
 * first appear (`agent-mesh-overview-first-seen`, global, every 10 minutes).
 */
export async function setupOverview(
  services: Pick<
    AgentMeshServices,
    | 'config'
    | 'database'
    | 'scheduler'
    | 'httpRouter'
    | 'httpAuth'
    | 'auth'
    | 'permissions'
    | 'permissionsRegistry'
    | 'catalog'
    | 'logger'
  >,
  options: {
    overlaps: OverlapSource;
    scorecards: { store: ScoreSource; config: { levels: { name: string }[] } };
    /** Decides which actions a caller's activity figures count. */
    readAuthorizer: ActionReadAuthorizer;
    /** The current time (tests); default the clock. */
    now?: () => Date;
  },
): Promise<void> {
  const { database, scheduler, catalog, auth, logger } = services;
  const now = options.now ?? (() => new Date());
  services.permissionsRegistry.addPermissions([
    agentMeshInsightsReadPermission,
  ]);
  const firstSeen = await DatabaseFirstSeenStore.create({ database });
  const actions = await DatabaseActionAggregates.create({ database });

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
        now,
        signal,
      });
    },
  });

  services.httpRouter.use(
    createOverviewRouter({
      sources: {
        catalog,
        overlaps: new CachedOverlapSource(options.overlaps),
        clusterThreshold: readOverlapConfig(services.config).threshold,
        scores: options.scorecards.store,
        levelNames: options.scorecards.config.levels.map(l => l.name),
        actions,
        firstSeen,
      },
      readAuthorizer: options.readAuthorizer,
      httpAuth: services.httpAuth,
      permissions: services.permissions,
      now,
    }),
  );
}
