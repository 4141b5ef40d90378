/**
 * Catalog module for Agent Mesh: the Agent and AiArtifact kinds and their relations,
 * `overlapsWith` relations from the agent-mesh backend's overlap index, Agents from A2A agent
 * cards, and mcp-server APIs from MCP server.json documents.
 *
 * @packageDocumentation
 */

export { catalogModulesAgentMesh as default } from './features';
export { catalogModuleAgentMesh } from './module';
export { catalogModuleAgentMeshA2aCards } from './a2a/module';
export { catalogModuleAgentMeshMcpServerJson } from './mcpServerJson/module';
export { MCP_SERVER_JSON_LOCATION_TYPE } from './mcpServerJson';
