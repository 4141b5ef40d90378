import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { agentMeshApiRef, AgentMeshClient } from './api';
import { governanceRouteRef, rootRouteRef } from './routes';

/**
 * The Agent Mesh frontend plugin for the legacy frontend system. For the new frontend system, use
 * the default export of `@agent-mesh/plugin-agent-mesh/alpha`.
 *
 * @public
 */
export const agentMeshPlugin = createPlugin({
  id: 'agent-mesh',
  apis: [
    createApiFactory({
      api: agentMeshApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AgentMeshClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef, governance: governanceRouteRef },
});

/**
 * The page at `/agent-mesh`, with the tabs Overview (what the organisation is building with AI),
 * Action log (`?tab=actions`, filtered by the query parameters `agent`, `target`, `owner`,
 * `type`, `since`, `until`) and Check before you build (`?tab=check`).
 *
 * @public
 */
export const AgentMeshPage: () => JSX.Element = agentMeshPlugin.provide(
  createRoutableExtension({
    name: 'AgentMeshPage',
    component: () =>
      import('./components/AgentMeshPage').then(m => m.AgentMeshPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The Governance tab of an entity page (`EntityLayout.Route`): the scorecard of an AiArtifact,
 * Agent or built-by-annotated entity, or the rollup of a Group. Show it where
 * `isAgentMeshGovernanceAvailable` is true.
 *
 * @public
 */
export const EntityAgentMeshGovernanceContent: () => JSX.Element =
  agentMeshPlugin.provide(
    createRoutableExtension({
      name: 'EntityAgentMeshGovernanceContent',
      component: () =>
        import('./components/GovernanceContent').then(m => m.GovernanceContent),
      mountPoint: governanceRouteRef,
    }),
  );

/**
 * The Overlaps card of an entity page: similar work, cross-team first. Show it where
 * `isAgentMeshOverlapsAvailable` is true.
 *
 * @public
 */
export const EntityAgentMeshOverlapsCard: () => JSX.Element =
  agentMeshPlugin.provide(
    createComponentExtension({
      name: 'EntityAgentMeshOverlapsCard',
      component: {
        lazy: () =>
          import('./components/OverlapsCard').then(m => m.OverlapsCard),
      },
    }),
  );

/**
 * The Agent activity card of an entity page: the latest actions on an artifact, by an Agent, or
 * by a team's agents. Show it where `isAgentMeshActivityAvailable` is true.
 *
 * @public
 */
export const EntityAgentMeshActivityCard: () => JSX.Element =
  agentMeshPlugin.provide(
    createComponentExtension({
      name: 'EntityAgentMeshActivityCard',
      component: {
        lazy: () =>
          import('./components/ActivityCard').then(m => m.ActivityCard),
      },
    }),
  );
