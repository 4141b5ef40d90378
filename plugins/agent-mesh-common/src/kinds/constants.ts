/**
 * The apiVersion of the entity kinds that Agent Mesh adds to the catalog.
 *
 * @public
 */
export const AGENT_MESH_API_VERSION = 'agent-mesh.io/v1alpha1';

/**
 * Kind of an AI agent or automation that acts in the organisation.
 *
 * @public
 */
export const AGENT_KIND = 'Agent';

/**
 * Kind of something built with or by AI agents.
 *
 * @public
 */
export const AI_ARTIFACT_KIND = 'AiArtifact';

/**
 * Lifecycle of work that is planned but not yet built.
 *
 * @public
 */
export const PROPOSED_LIFECYCLE = 'proposed';
