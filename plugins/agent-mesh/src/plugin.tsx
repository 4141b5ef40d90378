import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

import { rootRouteRef } from './routes';

export const page = PageBlueprint.make({
  params: {
    path: '/agent-mesh',
    routeRef: rootRouteRef,
    loader: () => import('./components/TodoPage').then(m => <m.TodoPage />),
  },
});

export const agentMeshPlugin = createFrontendPlugin({
  pluginId: 'agent-mesh',
  extensions: [page],
  routes: {
    root: rootRouteRef,
  },
});
