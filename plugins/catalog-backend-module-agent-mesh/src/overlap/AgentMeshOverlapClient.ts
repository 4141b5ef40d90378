import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { ServiceTokenCache } from './ServiceTokenCache';
import {
  GetOverlapsResponse,
  OverlapItem,
} from '@agent-mesh/plugin-agent-mesh-common';

/** The agent-mesh backend's plugin id, as the discovery service knows it. */
const AGENT_MESH_PLUGIN_ID = 'agent-mesh';

/** Default time limit of one request. */
export const DEFAULT_OVERLAP_REQUEST_TIMEOUT_MS = 5_000;

/** The backend's answer for one entity, and the version of its index that gave it. */
export interface OverlapAnswer {
  items: OverlapItem[];
  indexVersion?: number;
}

/**
 * What the overlap processor asks the agent-mesh backend. `undefined`: the backend does not
 * know the entity (yet). Throws when the backend cannot answer.
 */
export interface OverlapLookupClient {
  getOverlaps(entityRef: string): Promise<OverlapAnswer | undefined>;
}

/**
 * `GET /api/agent-mesh/overlaps?entityRef=` with the catalog's own service token: the catalog
 * module reaches the backend plugin over HTTP only.
 */
export class AgentMeshOverlapClient implements OverlapLookupClient {
  private readonly discovery: DiscoveryService;
  private readonly tokens: ServiceTokenCache;
  private readonly timeoutMs: number;

  constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    timeoutMs?: number;
  }) {
    this.discovery = options.discovery;
    this.tokens = new ServiceTokenCache(options.auth, AGENT_MESH_PLUGIN_ID);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_OVERLAP_REQUEST_TIMEOUT_MS;
  }

  async getOverlaps(entityRef: string): Promise<OverlapAnswer | undefined> {
    const baseUrl = await this.discovery.getBaseUrl(AGENT_MESH_PLUGIN_ID);
    const url = `${baseUrl}/overlaps?entityRef=${encodeURIComponent(
      entityRef,
    )}`;
    const get = async () =>
      fetch(url, {
        headers: { Authorization: `Bearer ${await this.tokens.token()}` },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    let response = await get();
    if (response.status === 401 && this.tokens.clear()) {
      // A reused token that the backend no longer accepts (e.g. after a key rotation).
      response = await get();
    }
    if (response.status === 404) {
      // The plugin's own 404 (a NotFoundError: the entity is not indexed yet) means no overlaps
      // yet; any other 404 (an empty one: no agent-mesh plugin behind this URL) is a failure.
      const text = await response.text();
      if (parseErrorName(text) === 'NotFoundError') return undefined;
      throw new Error(
        `GET ${baseUrl}/overlaps answered 404 without an agent-mesh error; is the agent-mesh backend plugin installed?`,
      );
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body = (await response.json()) as Partial<GetOverlapsResponse>;
    if (!Array.isArray(body?.items)) {
      throw new Error(
        `GET ${baseUrl}/overlaps answered without an items array`,
      );
    }
    return {
      items: body.items,
      indexVersion:
        typeof body.indexVersion === 'number' ? body.indexVersion : undefined,
    };
  }
}

function parseErrorName(text: string): string | undefined {
  try {
    const body = JSON.parse(text);
    const name = body?.error?.name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}
