import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Resource type of actions in the agent action log.
 *
 * @public
 */
export const AGENT_MESH_ACTION_RESOURCE_TYPE = 'agent-mesh-action';

/**
 * Write actions into the agent action log.
 *
 * @public
 */
export const agentMeshActionCreatePermission = createPermission({
  name: 'agent-mesh.action.create',
  attributes: { action: 'create' },
});

/**
 * Read actions from the agent action log; a resource permission, so that a policy can limit
 * people to their own teams' actions.
 *
 * @public
 */
export const agentMeshActionReadPermission = createPermission({
  name: 'agent-mesh.action.read',
  attributes: { action: 'read' },
  resourceType: AGENT_MESH_ACTION_RESOURCE_TYPE,
});

/**
 * Read overlaps, scorecards and the organisation overview.
 *
 * @public
 */
export const agentMeshInsightsReadPermission = createPermission({
  name: 'agent-mesh.insights.read',
  attributes: { action: 'read' },
});

/**
 * Every permission that Agent Mesh defines.
 *
 * @public
 */
export const agentMeshPermissions = [
  agentMeshActionCreatePermission,
  agentMeshActionReadPermission,
  agentMeshInsightsReadPermission,
];
