export {
  agentMeshActionResourceRef,
  type ActionAccessFilter,
  type ActionPermissionResource,
} from './actionResource';
export { agentMeshActionPermissionRules, isActionOwnedBy } from './rules';
export {
  agentMeshActionConditions,
  createAgentMeshActionConditionalDecision,
} from './conditions';
export { whereActionAccess } from './accessQuery';
export {
  createActionReadAuthorizer,
  type ActionReadAccess,
  type ActionReadAuthorizer,
} from './authorizeActionRead';
export { registerActionResource } from './registerActionResource';
export { createActivityVisibility } from './visibleActivity';
