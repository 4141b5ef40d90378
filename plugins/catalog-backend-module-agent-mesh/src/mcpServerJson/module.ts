import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  McpServerJsonProcessor,
  readMcpServerJsonDefaults,
} from './McpServerJsonProcessor';

/**
 * API entities of `spec.type: mcp-server` from MCP server.json documents, through Locations of
 * type `mcp-server-json`.
 *
 * @public
 */
export const catalogModuleAgentMeshMcpServerJson = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'agent-mesh-mcp-server-json',
  register(env) {
    env.registerInit({
      deps: {
        processing: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        reader: coreServices.urlReader,
      },
      async init({ processing, config, reader }) {
        processing.addProcessor(
          new McpServerJsonProcessor({
            reader,
            defaults: readMcpServerJsonDefaults(config),
          }),
        );
      },
    });
  },
});
