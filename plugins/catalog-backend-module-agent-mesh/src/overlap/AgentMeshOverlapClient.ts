import { ResponseError } from '@backstage/errors';
import { OverlapItem } from '@agent-mesh/plugin-agent-mesh-common';
import { AgentMeshApi } from '@agent-mesh/plugin-agent-mesh-common/client';

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
 * `GET /api/agent-mesh/overlaps?entityRef=` through the agent-mesh client (the catalog's own
 * service token; the catalog module reaches the backend plugin over HTTP only), with a time
 * limit, and the plugin's 404 read as "not indexed yet".
 */
export class AgentMeshOverlapClient implements OverlapLookupClient {
  private readonly api: AgentMeshApi;
  private readonly timeoutMs: number;

  constructor(options: { api: AgentMeshApi; timeoutMs?: number }) {
    this.api = options.api;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_OVERLAP_REQUEST_TIMEOUT_MS;
  }

  async getOverlaps(entityRef: string): Promise<OverlapAnswer | undefined> {
    let body;
    try {
      body = await this.api.getOverlaps(entityRef, {
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      if (error instanceof ResponseError && error.statusCode === 404) {
        // The plugin's own 404 (a NotFoundError: the entity is not indexed yet) means no
        // overlaps yet; any other 404 (no agent-mesh plugin behind the URL) is a failure.
        if (error.body.error.name === 'NotFoundError') return undefined;
        throw new Error(
          'GET /overlaps answered 404 without an agent-mesh error; is the agent-mesh backend plugin installed?',
        );
      }
      throw error;
    }
    if (!Array.isArray(body?.items)) {
      throw new Error('GET /overlaps answered without an items array');
    }
    return {
      items: body.items,
      indexVersion:
        typeof body.indexVersion === 'number' ? body.indexVersion : undefined,
    };
  }
}
