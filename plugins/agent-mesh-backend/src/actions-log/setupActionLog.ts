import {
  agentMeshActionCreatePermission,
  agentMeshActionReadPermission,
} from '@agent-mesh/plugin-agent-mesh-common';
import { AgentMeshServices } from '../services';
import { AgentResolver } from './AgentResolver';
import { createActionsRouter } from './createActionsRouter';
import { DatabaseActionStore } from './DatabaseActionStore';
import { ActionStore } from './types';

/** Sets up the action log: its store, its permissions and its routes. */
export async function setupActionLog(
  services: AgentMeshServices,
): Promise<{ store: ActionStore }> {
  const {
    database,
    catalog,
    auth,
    httpAuth,
    permissions,
    permissionsRegistry,
  } = services;
  permissionsRegistry.addPermissions([
    agentMeshActionCreatePermission,
    agentMeshActionReadPermission,
  ]);
  const store = await DatabaseActionStore.create({ database });
  services.httpRouter.use(
    createActionsRouter({
      store,
      resolver: new AgentResolver({ catalog, auth }),
      httpAuth,
      permissions,
      auditor: services.auditor,
    }),
  );
  return { store };
}
