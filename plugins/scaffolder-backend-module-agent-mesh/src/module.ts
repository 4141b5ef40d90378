import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { agentMeshClientServiceRef } from '@agent-mesh/plugin-agent-mesh-node';
import { createScaffolderActions } from './actions';

/**
 * Adds the Agent Mesh actions to the scaffolder, so that Software Templates can check for
 * overlapping work before they create something.
 *
 * @public
 */
export const scaffolderModuleAgentMesh = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'agent-mesh',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        agentMesh: agentMeshClientServiceRef,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, agentMesh, config }) {
        scaffolder.addActions(
          ...createScaffolderActions({ agentMesh, config }),
        );
      },
    });
  },
});
