/**
 * Catalog module for Agent Mesh: the Agent and AiArtifact kinds and their relations.
 *
 * @packageDocumentation
 */

export { catalogModuleAgentMesh as default } from './module';
export { AgentMeshKindsProcessor } from './kinds/AgentMeshKindsProcessor';
