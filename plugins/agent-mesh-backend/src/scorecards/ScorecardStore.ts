import { ScorecardResult } from './types';

/** A stored scorecard result. */
export interface StoredScorecard extends ScorecardResult {
  ownerRef: string | null;
  evaluatedAt: string;
}

/** Scorecard results over time. */
export interface ScorecardStore {
  /**
   * Records one run's results. With `complete`, the run covered every entity: latest results of
   * entities that it did not evaluate (gone from the catalog) are removed.
   */
  recordRun(
    results: (ScorecardResult & { ownerRef: string | null })[],
    options: { evaluatedAt: string; complete?: boolean },
  ): Promise<void>;
  /** The latest result of one entity. */
  latest(entityRef: string): Promise<StoredScorecard | undefined>;
  /** Latest results of entities with these owners; all entities when `ownerRefs` is undefined. */
  latestByOwners(ownerRefs?: string[]): Promise<StoredScorecard[]>;
  /** One entity's results, newest first. */
  history(
    entityRef: string,
    options?: { limit?: number },
  ): Promise<StoredScorecard[]>;
  /** Deletes history older than the given time; returns how many rows went. */
  pruneHistory(before: string): Promise<number>;
}
