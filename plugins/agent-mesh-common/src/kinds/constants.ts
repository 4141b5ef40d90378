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

/**
 * The lifecycles that Agent and AiArtifact entities may have.
 *
 * @public
 */
export const AGENT_MESH_LIFECYCLES = [
  PROPOSED_LIFECYCLE,
  'experimental',
  'production',
  'deprecated',
] as const;

/**
 * Backstage kinds that join Agent Mesh through the `agent-mesh.io/built-by` annotation.
 *
 * @public
 */
export const BUILT_BY_ANNOTATED_KINDS = [
  'Component',
  'API',
  'Resource',
  'AiResource',
] as const;
