import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  agentMeshOverlapSignalsExtensionPoint,
  agentMeshScorecardChecksExtensionPoint,
  OverlapSignal,
  ScorecardCheck,
} from '@agent-mesh/plugin-agent-mesh-node';
import {
  agentMeshActionCreatePermission,
  agentMeshActionReadPermission,
} from '@agent-mesh/plugin-agent-mesh-common';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { createHealthRouter } from './health/createHealthRouter';
import {
  AgentResolver,
  createActionsRouter,
  DatabaseActionStore,
} from './actions-log';

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
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        database: coreServices.database,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init({
        logger,
        httpRouter,
        httpAuth,
        auth,
        auditor,
        database,
        permissions,
        permissionsRegistry,
        catalog,
      }) {
        httpRouter.use(createHealthRouter());
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        permissionsRegistry.addPermissions([
          agentMeshActionCreatePermission,
          agentMeshActionReadPermission,
        ]);
        httpRouter.use(
          createActionsRouter({
            store: await DatabaseActionStore.create({ database }),
            resolver: new AgentResolver({ catalog, auth }),
            httpAuth,
            permissions,
            auditor,
          }),
        );

        logger.info(
          `Agent Mesh started with ${overlapSignals.size} extra overlap signal(s) and ${scorecardChecks.size} custom scorecard check(s)`,
        );
      },
    });
  },
});
