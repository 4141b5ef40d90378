import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  EntityLink,
} from '@backstage/catalog-model';
import {
  A2aAgentCard,
  AGENT_KIND,
  AGENT_MESH_API_VERSION,
  AgentEntityV1alpha1,
  AgentInterface,
  AgentSkill,
  ANNOTATION_A2A_CARD_PROBLEM,
  ANNOTATION_A2A_CARD_URL,
} from '@agent-mesh/plugin-agent-mesh-common';
import { toEntityName, toTag } from '../naming/entityNames';
import { A2aCardSource } from './config';
import { entityNameFromCardUrl } from './cardUrl';

/** The parts of an Agent made from a card that do not depend on what the card says. */
function agentShell(
  source: A2aCardSource,
  name: string,
  namespace: string,
): AgentEntityV1alpha1 {
  const location = `url:${source.cardUrl}`;
  return {
    apiVersion: AGENT_MESH_API_VERSION,
    kind: AGENT_KIND,
    metadata: {
      name,
      namespace,
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [ANNOTATION_A2A_CARD_URL]: source.cardUrl,
      },
    },
    spec: {
      type: source.type,
      owner: source.owner,
      lifecycle: source.lifecycle,
      // Actions sent with `agent: a2a:<card URL>` (or an OTel span naming it) resolve to this Agent.
      externalIds: [`a2a:${source.cardUrl}`],
      ...(source.sponsor ? { sponsor: source.sponsor } : {}),
      ...(source.system ? { system: source.system } : {}),
    },
  };
}

/** A2A 1.0 lists supportedInterfaces; a card of 0.3 has url, preferredTransport and more. */
function cardInterfaces(card: A2aAgentCard): AgentInterface[] {
  const listed: AgentInterface[] = card.supportedInterfaces
    ? card.supportedInterfaces.map(i => ({
        url: i.url,
        protocolBinding: i.protocolBinding,
        protocolVersion: i.protocolVersion,
        ...(i.tenant ? { tenant: i.tenant } : {}),
      }))
    : [
        {
          url: card.url!,
          protocolBinding: card.preferredTransport ?? 'JSONRPC',
        },
        ...(card.additionalInterfaces ?? []).map(i => ({
          url: i.url,
          protocolBinding: i.transport,
        })),
      ].map(i =>
        card.protocolVersion
          ? { ...i, protocolVersion: card.protocolVersion }
          : i,
      );
  const seen = new Set<string>();
  return listed.filter(i => {
    const key = `${i.protocolBinding} ${i.url}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function cardSkills(card: A2aAgentCard): AgentSkill[] {
  return card.skills.map(skill => ({
    id: skill.id,
    name: skill.name,
    ...(skill.description ? { description: skill.description } : {}),
    ...(skill.tags.length ? { tags: skill.tags } : {}),
    ...(skill.examples?.length ? { examples: skill.examples } : {}),
  }));
}

function cardTags(card: A2aAgentCard): string[] {
  const tags = card.skills
    .flatMap(skill => skill.tags)
    .map(toTag)
    .filter((tag): tag is string => tag !== undefined);
  return [...new Set(tags)];
}

function cardLinks(card: A2aAgentCard, cardUrl: string): EntityLink[] {
  const links: EntityLink[] = [];
  if (card.documentationUrl) {
    links.push({
      url: card.documentationUrl,
      title: 'Documentation',
      icon: 'docs',
      type: 'documentation',
    });
  }
  if (card.provider) {
    links.push({
      url: card.provider.url,
      title: card.provider.organization,
      type: 'provider',
    });
  }
  links.push({ url: cardUrl, title: 'A2A agent card', type: 'a2a-agent-card' });
  return links;
}

/**
 * The Agent entity that a valid card describes: named after the card (unless the source names
 * it), its skills as `spec.skills` and as tags, its provider, version and interfaces in the
 * spec, and links to its documentation, its provider and the card.
 */
export function agentCardToEntity(
  card: A2aAgentCard,
  source: A2aCardSource,
): AgentEntityV1alpha1 {
  const name =
    source.name ??
    toEntityName(card.name) ??
    entityNameFromCardUrl(source.cardUrl);
  const entity = agentShell(source, name, source.namespace);
  const tags = cardTags(card);
  entity.metadata.title = card.name;
  if (card.description) entity.metadata.description = card.description;
  if (tags.length) entity.metadata.tags = tags;
  entity.metadata.links = cardLinks(card, source.cardUrl);
  entity.spec = {
    ...entity.spec,
    ...(card.provider ? { provider: card.provider.organization } : {}),
    version: card.version,
    skills: cardSkills(card),
    interfaces: cardInterfaces(card),
  };
  return entity;
}

/**
 * The Agent entity for a card that could not be read or is not valid: only what the source
 * says, with the problem in the `agent-mesh.io/a2a-card-problem` annotation. The catalog
 * module's processor turns that into a processing error, so that the catalog keeps the last
 * valid version of the Agent (if there is one) and shows the problem on it.
 */
export function unreadableCardEntity(
  source: A2aCardSource,
  ref: { name: string; namespace: string },
  problem: string,
): AgentEntityV1alpha1 {
  const entity = agentShell(source, ref.name, ref.namespace);
  entity.metadata.annotations![ANNOTATION_A2A_CARD_PROBLEM] = problem;
  return entity;
}
