import {
  AuthService,
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  CatalogService,
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  AGENT_KIND,
  AgentEntityV1alpha1,
  ANNOTATION_A2A_CARD_URL,
  validateA2aAgentCard,
} from '@agent-mesh/plugin-agent-mesh-common';
import pLimit from 'p-limit';
import { toEntityName } from '../naming/entityNames';
import { A2aCardSource, A2aProviderConfig } from './config';
import { fetchAgentCard } from './fetchAgentCard';
import { agentCardToEntity, unreadableCardEntity } from './agentCardToEntity';
import { discoverCardSources } from './discoverCardSources';
import { entityNameFromCardUrl } from './cardUrl';

/** Cards fetched at the same time. */
const CONCURRENT_FETCHES = 4;

export type A2aAgentCardProviderOptions = {
  config: A2aProviderConfig;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  taskRunner: SchedulerServiceTaskRunner;
};

type CardResult = {
  source: A2aCardSource;
  entity: AgentEntityV1alpha1;
  problem?: string;
};

/**
 * Makes an Agent entity of each A2A agent card listed in `agentMesh.a2a.cards`, and of each
 * card that an API entity names in its annotation when discovery is on. On its schedule it
 * fetches every card and replaces all the Agents it made before with what the cards say now
 * (a full mutation). A card that cannot be read or is not valid becomes an Agent with the
 * problem in an annotation, which `A2aCardProblemProcessor` turns into a processing error:
 * the catalog keeps that Agent's last valid version and shows the error on it.
 *
 * @public
 */
export class A2aAgentCardProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(private readonly options: A2aAgentCardProviderOptions) {}

  getProviderName(): string {
    return 'agent-mesh-a2a-cards';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.options.taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: () => this.refresh(),
    });
  }

  /** Reads every card and applies the result; the scheduled task calls it. */
  async refresh(): Promise<void> {
    if (!this.connection) {
      throw new Error(`${this.getProviderName()} is not connected yet`);
    }
    const { logger } = this.options;
    const sources = await this.cardSources();
    const limit = pLimit(CONCURRENT_FETCHES);
    const results = await Promise.all(
      sources.map(source => limit(() => this.readCard(source))),
    );

    const entities: DeferredEntity[] = [];
    const taken = new Map<string, string>();
    for (const { source, entity, problem } of results) {
      const ref = stringifyEntityRef(entity);
      const holder = taken.get(ref);
      if (holder) {
        logger.warn(
          `A2A agent card ${source.cardUrl} (listed by ${source.listedBy}) makes ${ref}, which card ${holder} makes already; give one of them a name of its own`,
        );
        continue;
      }
      taken.set(ref, source.cardUrl);
      if (problem) logger.warn(`${problem} (listed by ${source.listedBy})`);
      entities.push({
        entity,
        locationKey: `${this.getProviderName()}:${source.cardUrl}`,
      });
    }
    await this.connection.applyMutation({ type: 'full', entities });
    const failed = results.filter(r => r.problem).length;
    logger.info(
      `Read ${results.length} A2A agent cards: ${
        results.length - failed
      } valid, ${failed} not readable or not valid`,
    );
  }

  /** The configured cards, then the discovered ones that are not configured already. */
  private async cardSources(): Promise<A2aCardSource[]> {
    const { config, catalog, auth, logger } = this.options;
    const sources = [...config.cards];
    if (config.discovery) {
      const configured = new Set(sources.map(s => s.cardUrl));
      const discovered = await discoverCardSources({
        catalog,
        auth,
        logger,
        annotation: config.discovery.annotation,
      });
      for (const source of discovered) {
        if (!configured.has(source.cardUrl)) {
          configured.add(source.cardUrl);
          sources.push(source);
        }
      }
    }
    return sources;
  }

  private async readCard(source: A2aCardSource): Promise<CardResult> {
    const fetched = await fetchAgentCard(
      source.cardUrl,
      this.options.config.limits,
    );
    if (!fetched.ok) {
      return this.unreadable(source, fetched.problem);
    }
    const result = validateA2aAgentCard(fetched.body);
    if (result.ok) {
      return { source, entity: agentCardToEntity(result.value, source) };
    }
    const named = fetched.body as { name?: unknown } | null;
    return this.unreadable(
      source,
      `A2A agent card ${source.cardUrl} is not valid: ${result.errors
        .map(e => e.message.replace(/^A2A agent card /, ''))
        .join('; ')}`,
      typeof named?.name === 'string' ? named.name : undefined,
    );
  }

  /**
   * The Agent that carries the problem, under the name of the Agent made from the same card
   * before if there is one, so that the catalog keeps that Agent and shows the error on it.
   */
  private async unreadable(
    source: A2aCardSource,
    problem: string,
    cardName?: string,
  ): Promise<CardResult> {
    const existing = source.name ? undefined : await this.existingRef(source);
    const ref = existing ?? {
      name:
        source.name ??
        (cardName ? toEntityName(cardName) : undefined) ??
        entityNameFromCardUrl(source.cardUrl),
      namespace: source.namespace,
    };
    return {
      source,
      problem,
      entity: unreadableCardEntity(source, ref, problem),
    };
  }

  /** The Agent that the catalog holds for the card, if any. */
  private async existingRef(
    source: A2aCardSource,
  ): Promise<{ name: string; namespace: string } | undefined> {
    const { catalog, auth, logger } = this.options;
    try {
      const { items } = await catalog.getEntities(
        {
          filter: {
            kind: AGENT_KIND,
            [`metadata.annotations.${ANNOTATION_A2A_CARD_URL}`]: source.cardUrl,
          },
          fields: ['metadata.name', 'metadata.namespace'],
        },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      const [found] = items;
      return found
        ? {
            name: found.metadata.name,
            namespace: found.metadata.namespace ?? 'default',
          }
        : undefined;
    } catch (error) {
      logger.warn(
        `Could not look up the Agent of A2A agent card ${source.cardUrl} in the catalog: ${error}`,
      );
      return undefined;
    }
  }
}
