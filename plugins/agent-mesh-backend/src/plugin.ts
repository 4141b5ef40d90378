import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  agentMeshOverlapSignalsExtensionPoint,
  agentMeshScorecardChecksExtensionPoint,
  OverlapSignal,
  ScorecardCheck,
} from '@agent-mesh/plugin-agent-mesh-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { createHealthRouter } from './health/createHealthRouter';
import { setupActionLog } from './actions-log';
import { setupOverlap } from './overlap';
import { setupMcpActions } from './mcp';
import { setupOverview } from './overview';
import { setupScorecards } from './scorecards';
import { AgentMeshServices } from './services';
import { assertNoPublicDemoToken } from './publicDemoToken';

/**
 * The Agent Mesh backend plugin: action log, overlap index and queries, scorecards, overview, and
 * actions for the actions registry. This file only wires the parts together.
 *
 * @public
 */
export const agentMeshPlugin = createBackendPlugin({
  pluginId: 'agent-mesh',
  register(env) {
    const overlapSignals = new Map<string, OverlapSignal>();
    const scorecardChecks = new Map<string, ScorecardCheck>();

    env.registerExtensionPoint(agentMeshOverlapSignalsExtensionPoint, {
      addSignal(...signals) {
        for (const signal of signals) {
          if (overlapSignals.has(signal.id)) {
            throw new Error(`Overlap signal '${signal.id}' is already added`);
          }
          overlapSignals.set(signal.id, signal);
        }
      },
    });
    env.registerExtensionPoint(agentMeshScorecardChecksExtensionPoint, {
      addCheck(...checks) {
        for (const check of checks) {
          if (scorecardChecks.has(check.id)) {
            throw new Error(`Scorecard check '${check.id}' is already added`);
          }
          scorecardChecks.set(check.id, check);
        }
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(services: AgentMeshServices) {
        const { httpRouter, logger } = services;
        assertNoPublicDemoToken(services.config);
        httpRouter.use(createHealthRouter());
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        const actionLog = await setupActionLog(services);
        const overlap = await setupOverlap(services, {
          signals: [...overlapSignals.values()],
        });
        // Scorecards read from the overlap index and the action log, never the reverse.
        const scorecards = await setupScorecards(services, {
          checks: [...scorecardChecks.values()],
          overlaps: overlap,
          activity: actionLog.activity,
        });
        await setupOverview(services, {
          overlaps: overlap,
          scorecards,
          readAuthorizer: actionLog.readAuthorizer,
        });
        // Actions for the actions registry (MCP tools), over the parts set up above.
        setupMcpActions(services, { overlap, actionLog, scorecards });

        logger.info(
          `Agent Mesh started with ${overlapSignals.size} extra overlap signal(s) and ${scorecardChecks.size} custom scorecard check(s)`,
        );
      },
    });
  },
});
