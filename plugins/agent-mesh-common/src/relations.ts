/**
 * An artifact was built by an agent. Reverse: {@link RELATION_HAS_BUILT}.
 *
 * @public
 */
export const RELATION_BUILT_BY = 'builtBy';

/**
 * An agent has built an artifact. Reverse: {@link RELATION_BUILT_BY}.
 *
 * @public
 */
export const RELATION_HAS_BUILT = 'hasBuilt';

/**
 * Two artifacts do (much of) the same job. Symmetric: emitted in both directions.
 *
 * @public
 */
export const RELATION_OVERLAPS_WITH = 'overlapsWith';
