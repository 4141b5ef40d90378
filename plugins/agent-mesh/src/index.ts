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
export { agentMeshApiRef } from './api';
export {
  isAgentMeshGovernanceAvailable,
  isAgentMeshOverlapsAvailable,
  isAgentMeshActivityAvailable,
} from './filters';
