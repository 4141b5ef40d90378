/**
 * The Agent Mesh backend plugin.
 *
 * @packageDocumentation
 */

export { agentMeshPlugin as default } from './plugin';
export {
  agentMeshActionConditions,
  createAgentMeshActionConditionalDecision,
  agentMeshActionPermissionRules,
  agentMeshActionResourceRef,
} from './actions-log/permissions';
export type {
  ActionAccessFilter,
  ActionPermissionResource,
} from './actions-log/permissions';
