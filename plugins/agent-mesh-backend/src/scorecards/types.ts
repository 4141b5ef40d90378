import {
  GetScorecardResponse,
  OverlapKind,
} from '@agent-mesh/plugin-agent-mesh-common';
import { ScorecardCheckContext } from '@agent-mesh/plugin-agent-mesh-node';
import { BackstageCredentials } from '@backstage/backend-plugin-api';

/** One check's outcome in a scorecard, as the API returns it. */
export type { ScorecardCheckOutcome } from '@agent-mesh/plugin-agent-mesh-common';

/** `GET /scorecards` response: one entity's scorecard. */
export type ScorecardResult = GetScorecardResponse;

/** One overlap of an entity with another, as the overlap index reports it. */
export interface OverlapInfo {
  entityRef: string;
  crossTeam: boolean;
  acknowledged: boolean;
  /** Duplicate work, or the same job with other products; absent means duplicate. */
  kind?: OverlapKind;
  /** 0..1 */
  score: number;
}

/** Where scorecards read overlaps from (the lead connects it to the overlap index). */
export interface OverlapLookup {
  overlapsOf(entityRef: string): Promise<OverlapInfo[]>;
}

/**
 * Where scorecards read activity from (the lead connects it to the action log): for each given
 * entity ref, the ISO 8601 time of the latest action by it (an Agent) or on it (a target).
 * Refs without any action are left out of the map.
 */
export interface ActivityLookup {
  lastActivity(entityRefs: string[]): Promise<Map<string, string>>;
  /**
   * For each (entity ref, time) pair, whether the caller may see that time: whether it may read
   * an action of that entity that occurred then (`agent-mesh.action.read`). Details show the
   * time of the last action only to such callers.
   */
  visibleActivity(
    credentials: BackstageCredentials,
    items: { entityRef: string; at: string }[],
  ): Promise<boolean[]>;
}

/** What the built-in checks look up; custom checks see the `ScorecardCheckContext` part. */
export interface ScorecardContext extends ScorecardCheckContext {
  /** The evaluation time. */
  now: Date;
  /** Activity older than this many days counts as none (`agentMesh.scorecards.activityWindowDays`). */
  activityWindowDays: number;
  /** True when the group (a full ref) has members, directly or in its sub-teams. */
  hasMembers(groupRef: string): Promise<boolean>;
  /** Undefined when no overlap lookup is connected. */
  overlapsOf?(entityRef: string): Promise<OverlapInfo[]>;
  /** Undefined when no activity lookup is connected; else the latest action time or undefined. */
  lastActivity?(entityRef: string): Promise<string | undefined>;
}
