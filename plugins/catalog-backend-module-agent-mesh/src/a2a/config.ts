import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { ANNOTATION_A2A_CARD_URL } from '@agent-mesh/plugin-agent-mesh-common';
import { CardFetchLimits } from './fetchAgentCard';
import { toCardUrl } from './cardUrl';

/** One agent card to read, with what the catalog needs that a card does not say. */
export type A2aCardSource = {
  /** The URL the card is fetched from. */
  cardUrl: string;
  /** Group or User ref. */
  owner: string;
  /** User ref. */
  sponsor?: string;
  lifecycle: string;
  /** The Agent's spec.type. */
  type: string;
  system?: string;
  namespace: string;
  /** The entity name, when it should not come from the card's name. */
  name?: string;
  /** Where the source was listed: `config`, or the ref of the API entity that names the card. */
  listedBy: string;
};

export type A2aProviderConfig = {
  cards: A2aCardSource[];
  /** Set when API entities with the annotation give more cards. */
  discovery?: { annotation: string };
  schedule: SchedulerServiceTaskScheduleDefinition;
  limits: CardFetchLimits;
};

export const DEFAULT_AGENT_TYPE = 'a2a-agent';
export const DEFAULT_LIFECYCLE = 'production';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 15 },
};

/**
 * Reads `agentMesh.a2a`; undefined when it is absent. Throws at start-up, naming the key, for
 * a card without an owner or with a URL that is not an absolute http(s) URL.
 */
export function readA2aConfig(config: Config): A2aProviderConfig | undefined {
  const a2a = config.getOptionalConfig('agentMesh.a2a');
  if (!a2a) return undefined;

  const cards = (a2a.getOptionalConfigArray('cards') ?? []).map(
    (card, i): A2aCardSource => {
      const url = card.getString('url');
      const cardUrl = toCardUrl(url);
      if (!cardUrl) {
        throw new Error(
          `agentMesh.a2a.cards[${i}].url "${url}" must be an absolute http or https URL`,
        );
      }
      return {
        cardUrl,
        owner: card.getString('owner'),
        sponsor: card.getOptionalString('sponsor'),
        lifecycle: card.getOptionalString('lifecycle') ?? DEFAULT_LIFECYCLE,
        type: card.getOptionalString('type') ?? DEFAULT_AGENT_TYPE,
        system: card.getOptionalString('system'),
        namespace: card.getOptionalString('namespace') ?? 'default',
        name: card.getOptionalString('name'),
        listedBy: 'config',
      };
    },
  );

  const discovery = a2a.getOptionalBoolean('discovery.enabled')
    ? {
        annotation:
          a2a.getOptionalString('discovery.annotation') ??
          ANNOTATION_A2A_CARD_URL,
      }
    : undefined;

  return {
    cards,
    discovery,
    schedule: a2a.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          a2a.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    limits: {
      timeoutMs: a2a.has('timeout')
        ? durationToMilliseconds(
            readDurationFromConfig(a2a, { key: 'timeout' }),
          )
        : 10_000,
      maxBytes: a2a.getOptionalNumber('maxCardBytes') ?? 1024 * 1024,
    },
  };
}
