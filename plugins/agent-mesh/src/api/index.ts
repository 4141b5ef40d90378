export { agentMeshApiRef } from './AgentMeshApi';
export type { AgentMeshApi, ActionFilters, ActionPaging } from './AgentMeshApi';
export { AgentMeshClient } from './AgentMeshClient';
