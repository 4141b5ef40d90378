import { createConditionExports } from '@backstage/plugin-permission-node';
import { agentMeshActionResourceRef } from './actionResource';
import { agentMeshActionPermissionRules } from './rules';

const exports = createConditionExports({
  resourceRef: agentMeshActionResourceRef,
  rules: agentMeshActionPermissionRules,
});

/**
 * Conditions on actions of the agent action log, for permission policies, e.g.
 * `agentMeshActionConditions.isActionOwnedBy({ owners, includeSubTeams: true })`.
 *
 * @public
 */
export const agentMeshActionConditions = exports.conditions;

/**
 * A conditional decision for `agent-mesh.action.read`, for permission policies.
 *
 * @public
 */
export const createAgentMeshActionConditionalDecision =
  exports.createConditionalDecision;
