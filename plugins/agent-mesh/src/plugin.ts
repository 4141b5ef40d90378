import {
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { rootRouteRef } from './routes';

/**
 * The Agent Mesh frontend plugin for the legacy frontend system. For the new frontend system, use
 * the default export of `@agent-mesh/plugin-agent-mesh/alpha`.
 *
 * @public
 */
export const agentMeshPlugin = createPlugin({
  id: 'agent-mesh',
  routes: { root: rootRouteRef },
});

/**
 * The page at `/agent-mesh`: what the organisation is building with AI, by team.
 *
 * @public
 */
export const AgentMeshPage = agentMeshPlugin.provide(
  createRoutableExtension({
    name: 'AgentMeshPage',
    component: () =>
      import('./components/AiBuiltEntitiesPage').then(
        m => m.AiBuiltEntitiesPage,
      ),
    mountPoint: rootRouteRef,
  }),
);
