/**
 * On a Component, API, Resource or AiResource: the comma-separated refs of the agents that built
 * it. Marks the entity as AI-built.
 *
 * @public
 */
export const ANNOTATION_BUILT_BY = 'agent-mesh.io/built-by';

/**
 * On kinds other than AiArtifact: overlaps that the owners looked at and decided to keep.
 *
 * @public
 */
export const ANNOTATION_ACKNOWLEDGED_OVERLAPS =
  'agent-mesh.io/acknowledged-overlaps';

/**
 * Scorecard exemptions, reviewed like code in the entity's YAML.
 *
 * @public
 */
export const ANNOTATION_EXEMPTIONS = 'agent-mesh.io/exemptions';
