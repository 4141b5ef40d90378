import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
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
import { ActionFilters, ActionPaging, AgentMeshApi } from './AgentMeshApi';

type Query = Record<string, string | number | undefined>;

function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') {
      params.set(name, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Talks to the `agent-mesh` backend plugin through the discovery and fetch APIs.
 *
 * @public
 */
export class AgentMeshClient implements AgentMeshApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  getOverlaps(entityRef: string): Promise<GetOverlapsResponse> {
    return this.#get('/overlaps', { entityRef });
  }

  findSimilar(request: PostSimilarRequest): Promise<PostSimilarResponse> {
    return this.#request('/similar', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  getScorecard(entityRef: string): Promise<GetScorecardResponse> {
    return this.#get('/scorecards', { entityRef });
  }

  getScorecardHistory(
    entityRef: string,
    options?: { limit?: number },
  ): Promise<GetScorecardHistoryResponse> {
    return this.#get('/scorecards/history', {
      entityRef,
      limit: options?.limit,
    });
  }

  getRollup(ownerRef?: string): Promise<GetScorecardRollupResponse> {
    return this.#get('/scorecards/rollup', { owner: ownerRef });
  }

  listActions(
    filters: ActionFilters & ActionPaging = {},
  ): Promise<ListActionsResponse> {
    return this.#get('/actions', { ...filters });
  }

  async exportUrl(
    filters: ActionFilters & { format?: 'ndjson' | 'csv' } = {},
  ): Promise<string> {
    const { format = 'csv', ...rest } = filters;
    const baseUrl = await this.#discoveryApi.getBaseUrl('agent-mesh');
    return `${baseUrl}/actions/export${queryString({ format, ...rest })}`;
  }

  getOverview(request: GetOverviewRequest = {}): Promise<GetOverviewResponse> {
    return this.#get('/overview', { ...request });
  }

  #get<T>(path: string, query: Query): Promise<T> {
    return this.#request(`${path}${queryString(query)}`);
  }

  async #request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('agent-mesh');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
