import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import HubIcon from '@material-ui/icons/DeviceHub';
import { rootRouteRef } from './routes';

const agentMeshPage = PageBlueprint.make({
  params: {
    path: '/agent-mesh',
    title: 'Agent Mesh',
    icon: <HubIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('./components/AiBuiltEntitiesPage').then(m => (
        <m.AiBuiltEntitiesPage />
      )),
  },
});

/**
 * The Agent Mesh frontend plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'agent-mesh',
  extensions: [agentMeshPage],
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
});
