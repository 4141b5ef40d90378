/**
 * The outcome of one scorecard check: `pass`, `fail`, `warn` (counts half), `exempt` (a valid
 * exemption applies; not counted) or `na` (does not apply to the entity; not counted).
 *
 * @public
 */
export type ScorecardCheckOutcomeStatus =
  | 'pass'
  | 'fail'
  | 'warn'
  | 'exempt'
  | 'na';

/**
 * One check in a scorecard, as the API returns it.
 *
 * @public
 */
export interface ScorecardCheckOutcome {
  id: string;
  title: string;
  status: ScorecardCheckOutcomeStatus;
  /** What was found and, when it is not a pass, what to do about it. */
  detail: string;
}

/**
 * The response of `GET /scorecards?entityRef=REF`: one entity's scorecard, evaluated live.
 *
 * @public
 */
export interface GetScorecardResponse {
  entityRef: string;
  /** 0..100: the weighted share of passing checks (warn counts half; exempt and na not counted). */
  score: number;
  /** The highest level whose threshold the score reaches, or null. */
  level: string | null;
  checks: ScorecardCheckOutcome[];
}

/**
 * One recorded evaluation in `GET /scorecards/history`.
 *
 * @public
 */
export interface ScorecardHistoryItem {
  /** ISO 8601. */
  evaluatedAt: string;
  score: number;
  level: string | null;
  checks: ScorecardCheckOutcome[];
}

/**
 * The response of `GET /scorecards/history?entityRef=REF&limit=N`: newest first.
 *
 * @public
 */
export interface GetScorecardHistoryResponse {
  entityRef: string;
  items: ScorecardHistoryItem[];
}

/**
 * The response of `GET /scorecards/rollup?owner=REF` (a team with its sub-teams), or of
 * `GET /scorecards/rollup` (the whole organisation), from the latest recorded results.
 *
 * @public
 */
export interface GetScorecardRollupResponse {
  /** The team asked for, or null for the whole organisation. */
  owner: string | null;
  /** The owners counted: the team and its sub-teams (empty for the whole organisation). */
  owners: string[];
  entityCount: number;
  /** Mean score, one decimal; null without entities. */
  averageScore: number | null;
  /** Entities per level name, and `none` for those below every level. */
  levels: Record<string, number>;
  /** Checks with at least one `fail`, most failures first. */
  failingChecks: { id: string; title: string; count: number }[];
  /** Per direct owner. */
  teams: { owner: string | null; entityCount: number; averageScore: number }[];
  entities: {
    entityRef: string;
    owner: string | null;
    score: number;
    level: string | null;
    evaluatedAt?: string;
  }[];
}
