/**
 * Catalog module for Agent Mesh: the Agent and AiArtifact kinds and their relations, and
 * `overlapsWith` relations from the agent-mesh backend's overlap index.
 *
 * @packageDocumentation
 */

export { catalogModuleAgentMesh as default } from './module';
