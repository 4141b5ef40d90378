import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import HubIcon from '@material-ui/icons/DeviceHub';
import { agentMeshApiRef, AgentMeshClient } from './api';
import {
  isAgentMeshActivityAvailable,
  isAgentMeshGovernanceAvailable,
  isAgentMeshOverlapsAvailable,
} from './filters';
import { rootRouteRef } from './routes';

/** `api:agent-mesh`: the client of the agent-mesh backend. */
const agentMeshApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: agentMeshApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AgentMeshClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * `page:agent-mesh`: the overview, the action log and "check before you build". The page draws
 * its own header and tabs (the tab is a query parameter), so the app's page header is off.
 */
const agentMeshPage = PageBlueprint.make({
  params: {
    path: '/agent-mesh',
    title: 'Agent Mesh',
    icon: <HubIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    noHeader: true,
    loader: () =>
      import('./components/AgentMeshPage').then(m => <m.AgentMeshPage />),
  },
});

/** `entity-content:agent-mesh/governance`: the Governance tab. */
const agentMeshGovernanceEntityContent = EntityContentBlueprint.make({
  name: 'governance',
  params: {
    path: 'governance',
    title: 'Governance',
    filter: isAgentMeshGovernanceAvailable,
    loader: () =>
      import('./components/GovernanceContent').then(m => (
        <m.GovernanceContent />
      )),
  },
});

/** `entity-card:agent-mesh/overlaps`: the Overlaps card. */
const agentMeshOverlapsEntityCard = EntityCardBlueprint.make({
  name: 'overlaps',
  params: {
    type: 'content',
    filter: isAgentMeshOverlapsAvailable,
    loader: () =>
      import('./components/OverlapsCard').then(m => <m.OverlapsCard />),
  },
});

/** `entity-card:agent-mesh/activity`: the Agent activity card. */
const agentMeshActivityEntityCard = EntityCardBlueprint.make({
  name: 'activity',
  params: {
    type: 'content',
    filter: isAgentMeshActivityAvailable,
    loader: () =>
      import('./components/ActivityCard').then(m => <m.ActivityCard />),
  },
});

/**
 * The Agent Mesh frontend plugin for the new frontend system, with the extensions
 * `api:agent-mesh`, `page:agent-mesh`, `entity-content:agent-mesh/governance`,
 * `entity-card:agent-mesh/overlaps` and `entity-card:agent-mesh/activity` (get one with
 * `getExtension(id)` to override it).
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'agent-mesh',
  extensions: [
    agentMeshApi,
    agentMeshPage,
    agentMeshGovernanceEntityContent,
    agentMeshOverlapsEntityCard,
    agentMeshActivityEntityCard,
  ],
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
});
