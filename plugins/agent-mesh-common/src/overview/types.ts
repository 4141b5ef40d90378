import { OverlapKind } from '../overlap';
/**
 * The time span of an overview: `since` inclusive, `until` exclusive, both ISO 8601 UTC.
 *
 * @public
 */
export interface OverviewPeriod {
  since: string;
  until: string;
}

/**
 * Figures of one team, or of a team with its sub-teams.
 *
 * @public
 */
export interface OverviewTeamFigures {
  /** AI-built entities owned: AiArtifacts and entities with the `agent-mesh.io/built-by` annotation. */
  artifacts: number;
  /** Agents owned. */
  agents: number;
  /** Artifacts and agents that first appeared in the period. */
  newThisPeriod: number;
  /** Logged actions in the period of agents that the team owned when the action was written. */
  actions: number;
  /** Mean of the latest stored scorecard scores of the team's artifacts and agents, one decimal; null without any. */
  averageScore: number | null;
  /** Unacknowledged overlaps between one of the team's entities and another team's entity (pairs). */
  crossTeamOverlaps: number;
}

/**
 * One team (a Group) in the overview: figures including its sub-teams, and its own.
 *
 * @public
 */
export interface OverviewTeam extends OverviewTeamFigures {
  teamRef: string;
  title: string;
  /** The parent team, if it has one. */
  parentRef?: string;
  /** The team's own figures, without its sub-teams. */
  direct: OverviewTeamFigures;
}

/**
 * One agent in the overview.
 *
 * @public
 */
export interface OverviewAgent {
  agentRef: string;
  title: string;
  /** The owning team, a full entity ref, if set. */
  owner?: string;
  /** Artifacts that name the agent in `spec.builtBy` or the built-by annotation. */
  artifactsBuilt: number;
  /** Logged actions of the agent in the period. */
  actions: number;
  /** The newest logged action of the agent at any time (ISO 8601), or null. */
  lastActivityAt: string | null;
}

/**
 * An artifact or agent that first appeared in the period.
 *
 * @public
 */
export interface OverviewNewEntity {
  entityRef: string;
  kind: string;
  title: string;
  owner?: string;
  /** When it first appeared (ISO 8601): see the overview section of the backend README. */
  firstSeenAt: string;
  /** The agents that built it (full entity refs). */
  builtBy: string[];
}

/**
 * One entity of an overlap cluster.
 *
 * @public
 */
export interface OverviewClusterMember {
  entityRef: string;
  title: string;
  owner?: string;
}

/**
 * A group of entities of different teams that overlap each other: an average-linkage cluster of
 * the unacknowledged cross-team overlaps, whose members' average pairwise score (a pair that
 * does not overlap counting 0) is at or above the overlap threshold.
 *
 * @public
 */
export interface OverviewOverlapCluster {
  /** E.g. "3 sales aggregators". */
  label: string;
  /**
   * `duplicate`: the members do the same work (consolidate); `alternative`: the same job with
   * different products (standardise). Clustered apart.
   */
  kind: OverlapKind;
  members: OverviewClusterMember[];
  /** The distinct owners of the members. */
  owners: string[];
  /** The most common reasons of the overlaps inside the cluster, most common first. */
  reasons: string[];
  /** The highest overlap score inside the cluster, 0..1. */
  maxScore: number;
}

/**
 * How the latest stored scorecard scores are distributed.
 *
 * @public
 */
export interface OverviewScoreDistribution {
  /** The configured levels, best first, then `none` for scores below every level. */
  byLevel: { level: string; count: number }[];
  /** Ten buckets of width 10: `from` inclusive, `to` exclusive except for the last (90..100). */
  buckets: { from: number; to: number; count: number }[];
}

/**
 * Logged actions in the period.
 *
 * @public
 */
export interface OverviewActivity {
  /** Every UTC day of the period (`YYYY-MM-DD`), days without actions included. */
  byDay: { day: string; count: number }[];
  /** Action types, most frequent first. */
  byType: { type: string; count: number }[];
}

/**
 * Organisation-wide (or team-wide) totals.
 *
 * @public
 */
export interface OverviewTotals {
  teams: number;
  agents: number;
  artifacts: number;
  newThisPeriod: number;
  actions: number;
  overlapClusters: number;
  /** Entities with a stored scorecard result. */
  scoredEntities: number;
  averageScore: number | null;
}

/**
 * The response of `GET /overview`: what the organisation, or one team with its sub-teams, is
 * building. Only entities that the caller may see in the catalog are counted.
 *
 * @public
 */
export interface GetOverviewResponse {
  period: OverviewPeriod;
  /** The team asked for (`owner`), or null for the whole organisation. */
  owner: string | null;
  /**
   * False while the overview's read model is still being built (after a start): the figures
   * may then be empty or miss overlap clusters, and `message` says so.
   */
  indexReady?: boolean;
  /** Why the answer may be incomplete, when `indexReady` is false. */
  message?: string;
  totals: OverviewTotals;
  /** Teams with their figures, largest first (by artifacts, then agents, then actions). */
  teams: OverviewTeam[];
  /** Agents, most actions in the period first. */
  agents: OverviewAgent[];
  /** Newest first. */
  newThisPeriod: OverviewNewEntity[];
  /** Largest first. */
  overlapClusters: OverviewOverlapCluster[];
  scoreDistribution: OverviewScoreDistribution;
  activity: OverviewActivity;
}

/**
 * The query of `GET /overview`: either `period` (`7d`, `30d`, ...; default `30d`) or
 * `since`/`until` (ISO 8601; `until` defaults to now), and optionally a team.
 *
 * @public
 */
export interface GetOverviewRequest {
  period?: string;
  since?: string;
  until?: string;
  /** A team (Group) ref; restricts the overview to the team and its sub-teams. */
  owner?: string;
}
