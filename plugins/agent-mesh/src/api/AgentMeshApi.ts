import { createApiRef } from '@backstage/core-plugin-api';
import { AgentMeshApi } from '@agent-mesh/plugin-agent-mesh-common/client';

/**
 * The client of the Agent Mesh backend (`AgentMeshApi` of
 * `@agent-mesh/plugin-agent-mesh-common/client`). The plugin registers an `AgentMeshClient` for
 * it in both frontend systems.
 *
 * @public
 */
export const agentMeshApiRef = createApiRef<AgentMeshApi>({
  id: 'plugin.agent-mesh.service',
});
