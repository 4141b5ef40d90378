import { ResponseError } from '@backstage/errors';
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
import {
  ActionFilters,
  ActionPaging,
  AgentMeshApi,
  AgentMeshRequestOptions,
} from './types';

/** The backend plugin's id, as the discovery service knows it. */
const PLUGIN_ID = 'agent-mesh';

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
 * The client of the `agent-mesh` backend plugin, for the browser (with the app's discovery and
 * fetch APIs) and for backends (with the discovery service; see `agentMeshClientServiceRef` of
 * `@agent-mesh/plugin-agent-mesh-node` for one that authenticates itself).
 *
 * @public
 */
export class AgentMeshClient implements AgentMeshApi {
  readonly #discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  readonly #fetchApi: { fetch: typeof fetch };

  constructor(options: {
    discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
    /** Default: the global `fetch`. */
    fetchApi?: { fetch: typeof fetch };
  }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi ?? { fetch: (...args) => fetch(...args) };
  }

  getOverlaps(
    entityRef: string,
    options?: AgentMeshRequestOptions,
  ): Promise<GetOverlapsResponse> {
    return this.#get('/overlaps', { entityRef }, options);
  }

  findSimilar(
    request: PostSimilarRequest,
    options?: AgentMeshRequestOptions,
  ): Promise<PostSimilarResponse> {
    return this.#post('/similar', request, options);
  }

  getScorecard(
    entityRef: string,
    options?: AgentMeshRequestOptions,
  ): Promise<GetScorecardResponse> {
    return this.#get('/scorecards', { entityRef }, options);
  }

  getScorecardHistory(
    entityRef: string,
    query?: { limit?: number },
    options?: AgentMeshRequestOptions,
  ): Promise<GetScorecardHistoryResponse> {
    return this.#get(
      '/scorecards/history',
      { entityRef, limit: query?.limit },
      options,
    );
  }

  getRollup(
    ownerRef?: string,
    options?: AgentMeshRequestOptions,
  ): Promise<GetScorecardRollupResponse> {
    return this.#get('/scorecards/rollup', { owner: ownerRef }, options);
  }

  listActions(
    filters: ActionFilters & ActionPaging = {},
    options?: AgentMeshRequestOptions,
  ): Promise<ListActionsResponse> {
    return this.#get('/actions', { ...filters }, options);
  }

  createActions(
    request: PostActionsRequest,
    options?: AgentMeshRequestOptions,
  ): Promise<PostActionsResponse> {
    return this.#post('/actions', request, options);
  }

  async exportUrl(
    filters: ActionFilters & { format?: 'ndjson' | 'csv' } = {},
  ): Promise<string> {
    const { format = 'csv', ...rest } = filters;
    const baseUrl = await this.#discoveryApi.getBaseUrl(PLUGIN_ID);
    return `${baseUrl}/actions/export${queryString({ format, ...rest })}`;
  }

  getOverview(
    request: GetOverviewRequest = {},
    options?: AgentMeshRequestOptions,
  ): Promise<GetOverviewResponse> {
    return this.#get('/overview', { ...request }, options);
  }

  #get<T>(
    path: string,
    query: Query,
    options: AgentMeshRequestOptions | undefined,
  ): Promise<T> {
    return this.#request(`${path}${queryString(query)}`, {}, options);
  }

  #post<T>(
    path: string,
    body: unknown,
    options: AgentMeshRequestOptions | undefined,
  ): Promise<T> {
    return this.#request(
      path,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      },
      options,
    );
  }

  async #request<T>(
    path: string,
    init: RequestInit & { headers?: Record<string, string> },
    options: AgentMeshRequestOptions | undefined,
  ): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl(PLUGIN_ID);
    const headers = {
      ...init.headers,
      ...(options?.token ? { Authorization: `Bearer ${options.token}` } : {}),
    };
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, {
      ...init,
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(options?.signal ? { signal: options.signal } : {}),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    // Parsed from text rather than with response.json(), so that the objects belong to the
    // caller's realm (the scaffolder's templating refuses arrays of another realm, as under Jest).
    return JSON.parse(await response.text()) as T;
  }
}
