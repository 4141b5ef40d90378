export { agentMeshApiRef } from './AgentMeshApi';
export { AgentMeshClient } from '@agent-mesh/plugin-agent-mesh-common/client';
export type {
  AgentMeshApi,
  ActionFilters,
  ActionPaging,
} from '@agent-mesh/plugin-agent-mesh-common/client';
