import { AGENT_MESH_ACTION_RESOURCE_TYPE } from '@agent-mesh/plugin-agent-mesh-common';
import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import { StoredAction } from '../types';

/**
 * An action as the read permission's rules see it: the stored action and, for rules that take
 * sub-teams into account, its owning team with every group above it in the catalog.
 *
 * @public
 */
export interface ActionPermissionResource {
  action: Pick<StoredAction, 'id' | 'ownerRef' | 'agentRef' | 'type'>;
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
  property: 'ownerRef';
  values: string[];
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
