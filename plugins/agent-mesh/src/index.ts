/**
 * Agent Mesh frontend plugin, legacy frontend system. The new frontend system is served from
 * `@agent-mesh/plugin-agent-mesh/alpha`.
 *
 * @packageDocumentation
 */

export {
  agentMeshPlugin,
  AgentMeshPage,
  EntityAgentMeshGovernanceContent,
  EntityAgentMeshOverlapsCard,
  EntityAgentMeshActivityCard,
} from './plugin';
export { agentMeshApiRef, AgentMeshClient } from './api';
export type { AgentMeshApi, ActionFilters, ActionPaging } from './api';
export {
  isAiBuiltEntity,
  isGroupEntity,
  isAgentMeshAgent,
  isAgentMeshGovernanceAvailable,
  isAgentMeshOverlapsAvailable,
  isAgentMeshActivityAvailable,
} from './filters';
