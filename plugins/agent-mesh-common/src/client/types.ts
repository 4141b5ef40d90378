import type {
  GetOverlapsResponse,
  GetOverviewRequest,
  GetOverviewResponse,
  GetScorecardHistoryResponse,
  GetScorecardResponse,
  GetScorecardRollupResponse,
  ListActionsResponse,
  PostActionsRequest,
  PostActionsResponse,
  PostSimilarRequest,
  PostSimilarResponse,
} from '@agent-mesh/plugin-agent-mesh-common';

/**
 * Filters of `GET /actions` and `GET /actions/export`.
 *
 * @public
 */
export interface ActionFilters {
  /** The agent: an entity ref or an external id. */
  agent?: string;
  /** What the actions touched: an entity ref or a URL. */
  target?: string;
  /** The owning team, e.g. `group:default/brand-a`, with every team below it. */
  owner?: string;
  /** The user the actions were done for, e.g. `user:default/jane`. */
  onBehalfOf?: string;
  /** The action type, e.g. `pr.opened`. */
  type?: string;
  /** ISO 8601, inclusive. */
  since?: string;
  /** ISO 8601, exclusive. */
  until?: string;
}

/**
 * Paging of `GET /actions`.
 *
 * @public
 */
export interface ActionPaging {
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  /** 1..500; default 50. */
  limit?: number;
}

/**
 * Options of one request to the agent-mesh backend.
 *
 * @public
 */
export interface AgentMeshRequestOptions {
  /**
   * A Backstage token to send as `Authorization: Bearer`. In the browser the fetch API adds the
   * user's token; in a backend, the agent-mesh client service adds the plugin's own.
   */
  token?: string;
  /** Aborts the request, e.g. `AbortSignal.timeout(5000)`. */
  signal?: AbortSignal;
}

/**
 * The HTTP API of the `agent-mesh` backend plugin (`/api/agent-mesh`). Every method throws a
 * `ResponseError` (from `@backstage/errors`) when the backend answers with an error; its
 * `body.error.message` names the bad field of a 400.
 *
 * @public
 */
export interface AgentMeshApi {
  /** `GET /overlaps`: the overlaps of one entity, cross-team first. */
  getOverlaps(
    entityRef: string,
    options?: AgentMeshRequestOptions,
  ): Promise<GetOverlapsResponse>;
  /** `POST /similar`: existing work similar to a description of new work. */
  findSimilar(
    request: PostSimilarRequest,
    options?: AgentMeshRequestOptions,
  ): Promise<PostSimilarResponse>;
  /** `GET /scorecards`: one entity's scorecard, evaluated now. */
  getScorecard(
    entityRef: string,
    options?: AgentMeshRequestOptions,
  ): Promise<GetScorecardResponse>;
  /** `GET /scorecards/history`: recorded evaluations, newest first. */
  getScorecardHistory(
    entityRef: string,
    query?: { limit?: number },
    options?: AgentMeshRequestOptions,
  ): Promise<GetScorecardHistoryResponse>;
  /** `GET /scorecards/rollup`: a team with its sub-teams, or the whole organisation. */
  getRollup(
    ownerRef?: string,
    options?: AgentMeshRequestOptions,
  ): Promise<GetScorecardRollupResponse>;
  /** `GET /actions`: the action log, newest first. */
  listActions(
    filters?: ActionFilters & ActionPaging,
    options?: AgentMeshRequestOptions,
  ): Promise<ListActionsResponse>;
  /** `POST /actions`: report actions (all or nothing; idempotent on each action's id). */
  createActions(
    request: PostActionsRequest,
    options?: AgentMeshRequestOptions,
  ): Promise<PostActionsResponse>;
  /**
   * The URL of `GET /actions/export` for these filters (NDJSON or CSV, default CSV), to fetch
   * with credentials.
   */
  exportUrl(
    filters?: ActionFilters & { format?: 'ndjson' | 'csv' },
  ): Promise<string>;
  /** `GET /overview`: what the organisation, or one team with its sub-teams, is building. */
  getOverview(
    request?: GetOverviewRequest,
    options?: AgentMeshRequestOptions,
  ): Promise<GetOverviewResponse>;
}
