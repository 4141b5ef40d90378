/**
 * What kind of overlap a match is: `duplicate` work (the same product integrated twice, or the
 * same job where at most one side is tied to a product: consolidate), or an `alternative` (the
 * same job done with different products: a question of standardising on one). An alternative
 * scores below a duplicate of the same strength.
 *
 * @public
 */
export type OverlapKind = 'duplicate' | 'alternative';

/**
 * One overlap of an entity, in `GET /overlaps`.
 *
 * @public
 */
export interface OverlapItem {
  /** The other entity. */
  entityRef: string;
  title: string;
  /** The other entity's owner, a full entity ref, if it has one. */
  owner?: string;
  /** 0..1; only matches at or above `agentMesh.overlap.threshold` are listed. */
  score: number;
  /** Both owners are known and differ. Cross-team matches come first. */
  crossTeam: boolean;
  /** Duplicate work or an alternative; see `OverlapKind`. */
  kind: OverlapKind;
  /** Either side listed the other in its acknowledged overlaps. */
  acknowledged: boolean;
  /**
   * Why they match, e.g. "both integrate shopify and salesforce", or for an alternative "both
   * do error tracking: sentry here, rollbar there".
   */
  reasons: string[];
}

/**
 * The response of `GET /overlaps?entityRef=REF`.
 *
 * @public
 */
export interface GetOverlapsResponse {
  /** The entity asked about, as a full entity ref. */
  entityRef: string;
  items: OverlapItem[];
  /**
   * The version of the overlap index that answered: it changes whenever any indexed entity
   * does, so an answer with the current version is still right (the catalog module caches by
   * it).
   */
  indexVersion?: number;
  /**
   * False while the overlap index is still being built from the catalog (after a cold start):
   * the answer may then miss matches, and `message` says so.
   */
  indexReady?: boolean;
  /** Why the answer may be incomplete, when `indexReady` is false. */
  message?: string;
}

/**
 * The body of `POST /similar`: work that is not in the catalog yet.
 *
 * @public
 */
export interface PostSimilarRequest {
  title?: string;
  /** What it does; must not be empty. */
  description: string;
  type?: string;
  tags?: string[];
  /** External systems it reads or writes, e.g. `salesforce`. */
  integrations?: string[];
  /** The team that wants to build it; marks matches of other teams as cross-team. */
  owner?: string;
  /** 1..50; default `agentMesh.overlap.maxResults`. */
  limit?: number;
}

/**
 * One match in `POST /similar`.
 *
 * @public
 */
export interface SimilarItem {
  entityRef: string;
  title: string;
  owner?: string;
  score: number;
  /** Duplicate work or an alternative; see `OverlapKind`. */
  kind: OverlapKind;
  reasons: string[];
}

/**
 * The response of `POST /similar`.
 *
 * @public
 */
export interface PostSimilarResponse {
  items: SimilarItem[];
  /**
   * False while the overlap index is still being built from the catalog (after a cold start):
   * an empty list then means "not known yet", and `message` says so.
   */
  indexReady?: boolean;
  /** Why the answer may be incomplete, when `indexReady` is false. */
  message?: string;
}

/**
 * Largest `limit` of `POST /similar`.
 *
 * @public
 */
export const SIMILAR_MAX_LIMIT = 50;
