import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import {
  AgentMeshApi,
  AgentMeshClient,
} from '@agent-mesh/plugin-agent-mesh-common/client';
import { authenticatedFetch } from './authenticatedFetch';
import { ServiceTokenCache } from './ServiceTokenCache';

/**
 * The client of the `agent-mesh` backend plugin for other backend plugins and modules (the
 * catalog and scaffolder modules use it). It finds the plugin through the discovery service, so
 * the plugin may run in another deployment, and calls it with the calling plugin's own service
 * token, which it reuses while it is valid. To call on behalf of a user, pass a token from
 * `auth.getPluginRequestToken({ onBehalfOf, targetPluginId: 'agent-mesh' })` as the `token`
 * option.
 *
 * @public
 */
export const agentMeshClientServiceRef = createServiceRef<AgentMeshApi>({
  id: 'agent-mesh.client',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { discovery: coreServices.discovery, auth: coreServices.auth },
      factory: ({ discovery, auth }) =>
        new AgentMeshClient({
          discoveryApi: discovery,
          fetchApi: {
            fetch: authenticatedFetch(
              new ServiceTokenCache(auth, 'agent-mesh'),
            ),
          },
        }),
    }),
});
