import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { AgentMeshKindsProcessor } from './kinds/AgentMeshKindsProcessor';

/**
 * Adds the Agent and AiArtifact kinds to the catalog.
 *
 * @public
 */
export const catalogModuleAgentMesh = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'agent-mesh',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new AgentMeshKindsProcessor());
      },
    });
  },
});
