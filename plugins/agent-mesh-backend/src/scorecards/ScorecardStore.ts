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
   * entities that it did not evaluate (gone from the catalog) are removed, and only results that
   * differ from an entity's latest stored one add to the history.
   */
  recordRun(
    results: (ScorecardResult & { ownerRef: string | null })[],
    options: { evaluatedAt: string; complete?: boolean },
  ): Promise<void>;
  /** The latest result of one entity. */
  latest(entityRef: string): Promise<StoredScorecard | undefined>;
  /** Latest results of entities with these owners; all entities when `ownerRefs` is undefined. */
  latestByOwners(ownerRefs?: string[]): Promise<StoredScorecard[]>;
  /** One entity's result at each run that evaluated it, newest first. */
  history(
    entityRef: string,
    options?: { limit?: number },
  ): Promise<StoredScorecard[]>;
  /**
   * Deletes history older than the given time (a result still in force then stays for the runs
   * after it); returns how many stored results went.
   */
  pruneHistory(before: string): Promise<number>;
}
