import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { isAgentLikeEntity } from '@agent-mesh/plugin-agent-mesh-common';
import { toEntityRef } from './refs';
import { TtlCache } from './TtlCache';

/** What the catalog says about an agent as sent by a client. */
export interface ResolvedAgent {
  agentRef: string | null;
  agentKnown: boolean;
  /** The agent's owner (`spec.owner` as a full ref) at the time of the look-up. */
  ownerRef: string | null;
}

/** Catalog look-ups that `resolveMany` runs at once. */
const LOOKUPS_AT_ONCE = 8;

const UNKNOWN: ResolvedAgent = {
  agentRef: null,
  agentKnown: false,
  ownerRef: null,
};

/**
 * Resolves agents against the catalog: an entity ref names the Agent directly; anything else is
 * matched against Agents' `spec.externalIds`. Results (also misses) are cached for a short time
 * so that ingest does not ask the catalog for every action.
 */
export class AgentResolver {
  private readonly cache: TtlCache<Promise<ResolvedAgent>>;

  #lastWarning = 0;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger?: LoggerService;
    },
    options?: { ttlMs?: number; maxEntries?: number },
  ) {
    this.cache = new TtlCache({
      ttlMs: options?.ttlMs ?? 60_000,
      maxEntries: options?.maxEntries ?? 10_000,
    });
  }

  resolve(agent: string): Promise<ResolvedAgent> {
    const cached = this.cache.get(agent);
    if (cached) {
      return cached;
    }
    // When the catalog cannot answer, the action is still taken, as from an unknown agent:
    // losing what an agent did is worse than not knowing its owner. That answer is not kept.
    const pending = this.lookUp(agent).catch(error => {
      this.cache.delete(agent);
      this.#warn(agent, error);
      return UNKNOWN;
    });
    this.cache.set(agent, pending);
    return pending;
  }

  /**
   * Resolves each distinct name once, at most `LOOKUPS_AT_ONCE` catalog look-ups at a time, so
   * that a request full of names does not flood the catalog.
   */
  async resolveMany(agents: string[]): Promise<Map<string, ResolvedAgent>> {
    const distinct = [...new Set(agents)];
    const resolved = new Map<string, ResolvedAgent>();
    for (let i = 0; i < distinct.length; i += LOOKUPS_AT_ONCE) {
      const chunk = distinct.slice(i, i + LOOKUPS_AT_ONCE);
      const answers = await Promise.all(chunk.map(a => this.resolve(a)));
      chunk.forEach((agent, j) => resolved.set(agent, answers[j]));
    }
    return resolved;
  }

  #warn(agent: string, error: unknown) {
    const now = Date.now();
    if (now - this.#lastWarning < 60_000) return;
    this.#lastWarning = now;
    this.deps.logger?.warn(
      `Could not look up agent '${agent}' in the catalog, so its actions are stored as from an unknown agent: ${error}`,
    );
  }

  private async lookUp(agent: string): Promise<ResolvedAgent> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const ref = toEntityRef(agent, 'agent');
    // An Agent, or an AiResource of type agent (Backstage's AI model module).
    if (ref?.startsWith('agent:') || ref?.startsWith('airesource:')) {
      const entity = await this.deps.catalog.getEntityByRef(ref, {
        credentials,
      });
      if (entity && isAgentLikeEntity(entity)) {
        return describe(entity);
      }
    }
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: [
          { kind: 'agent', 'spec.externalIds': agent },
          {
            kind: 'airesource',
            'spec.type': 'agent',
            'spec.externalIds': agent,
          },
        ],
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.owner'],
        limit: 1,
      },
      { credentials },
    );
    return items.length ? describe(items[0]) : UNKNOWN;
  }
}

function describe(entity: Entity): ResolvedAgent {
  const namespace = entity.metadata.namespace ?? 'default';
  const owner = entity.spec?.owner;
  return {
    agentRef:
      `${entity.kind}:${namespace}/${entity.metadata.name}`.toLocaleLowerCase(
        'en-US',
      ),
    agentKnown: true,
    ownerRef:
      typeof owner === 'string'
        ? toEntityRef(owner, 'group', namespace) ?? null
        : null,
  };
}
