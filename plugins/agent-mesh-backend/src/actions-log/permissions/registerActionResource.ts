import { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import { agentMeshActionReadPermission } from '@agent-mesh/plugin-agent-mesh-common';
import { TeamHierarchy } from '../../catalog';
import { ActionStore } from '../types';
import {
  ActionPermissionResource,
  agentMeshActionResourceRef,
} from './actionResource';
import { agentMeshActionPermissionRules } from './rules';

/**
 * Registers the `agent-mesh-action` resource type with its rules and the read permission; the
 * permission backend loads actions by id (`getResources`) to apply conditions to single ones.
 */
export function registerActionResource(deps: {
  permissionsRegistry: PermissionsRegistryService;
  store: ActionStore;
  teams: TeamHierarchy;
}): void {
  const { permissionsRegistry, store, teams } = deps;
  permissionsRegistry.addResourceType({
    resourceRef: agentMeshActionResourceRef,
    permissions: [agentMeshActionReadPermission],
    rules: Object.values(agentMeshActionPermissionRules),
    async getResources(ids) {
      const found = new Map((await store.getByIds(ids)).map(a => [a.id, a]));
      return Promise.all(
        ids.map(async (id): Promise<ActionPermissionResource | undefined> => {
          const action = found.get(id);
          if (!action) return undefined;
          return {
            action,
            ownerAndParents: action.ownerRef
              ? await teams.teamWithParents(action.ownerRef)
              : [],
          };
        }),
      );
    },
  });
}
