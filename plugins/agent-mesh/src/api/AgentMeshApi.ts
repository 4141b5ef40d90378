import { createApiRef } from '@backstage/core-plugin-api';
import {
  GetOverlapsResponse,
  GetScorecardHistoryResponse,
  GetScorecardResponse,
  GetOverviewRequest,
  GetOverviewResponse,
  GetScorecardRollupResponse,
  ListActionsResponse,
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
  /** The owning team, e.g. `group:default/brand-a`. */
  owner?: string;
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
 * The Agent Mesh backend API, as the frontend uses it. Every method throws a `ResponseError`
 * (from `@backstage/errors`) when the backend answers with an error.
 *
 * @public
 */
export interface AgentMeshApi {
  /** `GET /overlaps`: the overlaps of one entity, cross-team first. */
  getOverlaps(entityRef: string): Promise<GetOverlapsResponse>;
  /** `POST /similar`: existing work similar to a description of new work. */
  findSimilar(request: PostSimilarRequest): Promise<PostSimilarResponse>;
  /** `GET /scorecards`: one entity's scorecard, evaluated now. */
  getScorecard(entityRef: string): Promise<GetScorecardResponse>;
  /** `GET /scorecards/history`: recorded evaluations, newest first. */
  getScorecardHistory(
    entityRef: string,
    options?: { limit?: number },
  ): Promise<GetScorecardHistoryResponse>;
  /** `GET /scorecards/rollup`: a team with its sub-teams, or the whole organisation. */
  getRollup(ownerRef?: string): Promise<GetScorecardRollupResponse>;
  /** `GET /actions`: the action log, newest first. */
  listActions(
    filters?: ActionFilters & ActionPaging,
  ): Promise<ListActionsResponse>;
  /** The URL of `GET /actions/export` for these filters (fetch it with the fetch API). */
  exportUrl(
    filters?: ActionFilters & { format?: 'ndjson' | 'csv' },
  ): Promise<string>;
  /** `GET /overview`: what the organisation, or one team with its sub-teams, is building. */
  getOverview(request?: GetOverviewRequest): Promise<GetOverviewResponse>;
}

/**
 * The Agent Mesh backend API.
 *
 * @public
 */
export const agentMeshApiRef = createApiRef<AgentMeshApi>({
  id: 'plugin.agent-mesh.service',
});
