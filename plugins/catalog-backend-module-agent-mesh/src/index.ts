/**
 * Catalog module for Agent Mesh: the Agent and AiArtifact kinds and their relations.
 *
 * @packageDocumentation
 */

export { catalogModuleAgentMesh as default } from './module';
export { AgentMeshKindsProcessor } from './kinds/AgentMeshKindsProcessor';
export { AgentMeshOverlapProcessor, AgentMeshOverlapClient } from './overlap';
export type {
  AgentMeshOverlapProcessorOptions,
  OverlapLookupClient,
} from './overlap';
