import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import { catalogModuleAgentMesh } from './module';
import { catalogModuleAgentMeshA2aCards } from './a2a/module';
import { catalogModuleAgentMeshMcpServerJson } from './mcpServerJson/module';

/**
 * Everything this package adds to the catalog, for one `backend.add(import(...))`: the kinds and
 * overlap relations, Agents from A2A agent cards, and mcp-server APIs from MCP server.json. Each
 * module is exported on its own too.
 *
 * @public
 */
export const catalogModulesAgentMesh = createBackendFeatureLoader({
  *loader() {
    yield catalogModuleAgentMesh;
    yield catalogModuleAgentMeshA2aCards;
    yield catalogModuleAgentMeshMcpServerJson;
  },
});
