import { AGENT_MESH_ACTION_RESOURCE_TYPE } from '@agent-mesh/plugin-agent-mesh-common';
import { createPermissionResourceRef } from '@backstage/plugin-permission-node';

/**
 * An action as the read permission's rules see it: the stored action and, for rules that take
 * sub-teams into account, its owning team with every group above it in the catalog.
 *
 * @public
 */
export interface ActionPermissionResource {
  /** The stored action's id, owning team, agent (full, lower-case refs, or null) and type. */
  action: {
    id: string;
    ownerRef: string | null;
    agentRef: string | null;
    type: string;
  };
  /** The owning team and its parent groups (full, lower-case refs); empty without owner. */
  ownerAndParents: string[];
}

/**
 * What a rule of the read permission turns into for a database query: the owning team is one of
 * `values`; with `includeSubTeams`, or one of the groups below them.
 *
 * @public
 */
export interface ActionAccessFilter {
  /** The action's owning team. */
  property: 'ownerRef';
  /** Team refs (full, lower-case). */
  values: string[];
  /** Also the groups below those teams in the catalog. */
  includeSubTeams: boolean;
}

/**
 * The `agent-mesh-action` resource of the permission framework.
 *
 * @public
 */
export const agentMeshActionResourceRef = createPermissionResourceRef<
  ActionPermissionResource,
  ActionAccessFilter
>().with({
  pluginId: 'agent-mesh',
  resourceType: AGENT_MESH_ACTION_RESOURCE_TYPE,
});
