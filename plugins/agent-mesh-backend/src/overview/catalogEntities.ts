import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AGENT_KIND,
  AI_ARTIFACT_KIND,
  ANNOTATION_BUILT_BY,
  BUILT_BY_ANNOTATED_KINDS,
  isAgentLikeEntity,
  isAiBuiltEntity,
  isOverlapEligible,
} from '@agent-mesh/plugin-agent-mesh-common';
import { eligibleEntitiesFilter } from '../overlap/catalogEntities';
import { OverlapConfig } from '../overlap/engine';

/** `agentMesh.overlap.kinds` and `.types`: which entities the overlap index compares. */
export type OverlapSubjects = Pick<OverlapConfig, 'kinds' | 'types'>;
import { builtByOf, normalizeRef, ownerRefOf, refOf } from '../scorecards/refs';

/**
 * `CATALOG_FILTER_EXISTS` of `@backstage/catalog-client` (a registered symbol, so the same
 * value); that package is not a dependency of this plugin.
 */
const CATALOG_FILTER_EXISTS = Symbol.for(
  'CATALOG_FILTER_EXISTS_0e15b590c0b343a2bae3e787e84c2111',
);

const PAGE_SIZE = 500;

/** An Agent, or an AI-built entity or overlap subject, as the overview counts it. */
export interface OverviewEntity {
  /** Full, lower-case ref. */
  ref: string;
  /** The ref as the overlap index keys it (`stringifyEntityRef`). */
  indexRef: string;
  kind: string;
  title: string;
  /** Full, lower-case owner ref. */
  owner?: string;
  /** Full, lower-case refs of the agents that built it (artifacts only). */
  builtBy: string[];
  type?: string;
}

/** A Group as the overview's team tree reads it. */
export interface OverviewGroup {
  ref: string;
  title: string;
  parentRef?: string;
  childRefs: string[];
}

/** The parts of the catalog that the overview counts, as one caller may see them. */
export interface CatalogSnapshot {
  groups: OverviewGroup[];
  agents: OverviewEntity[];
  /** AI-built entities and the other overlap subjects (such as `mcp-server` APIs). */
  artifacts: OverviewEntity[];
}

const ENTITY_FIELDS = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
  'spec.builtBy',
  'spec.type',
];

/**
 * Filters for the Agents, the AI-built entities and the overlap subjects (the catalog may return
 * more; guards decide).
 */
export function agentMeshEntitiesFilter(
  overlap: OverlapSubjects,
): Record<string, string | symbol | (string | symbol)[]>[] {
  return [
    { kind: [AGENT_KIND, AI_ARTIFACT_KIND] },
    // Agents declared with Backstage's AI model module.
    { kind: 'AiResource', 'spec.type': 'agent' },
    {
      kind: [...BUILT_BY_ANNOTATED_KINDS],
      [`metadata.annotations.${ANNOTATION_BUILT_BY}`]: CATALOG_FILTER_EXISTS,
    },
    ...eligibleEntitiesFilter(overlap),
  ];
}

/**
 * Whether the overview counts an entity as something a team ships: built by an agent, or
 * compared by the overlap index (an MCP server is, whoever built it), so that every overlap
 * the index finds has both its sides in the overview.
 */
export function isOverviewArtifact(
  entity: Entity,
  overlap: OverlapSubjects,
): boolean {
  return (
    !isAgentLikeEntity(entity) &&
    (isAiBuiltEntity(entity) || isOverlapEligible(entity, overlap))
  );
}

function titleOf(entity: Entity): string {
  const title = entity.metadata.title;
  return typeof title === 'string' && title.trim()
    ? title.trim()
    : entity.metadata.name;
}

function toOverviewEntity(entity: Entity): OverviewEntity {
  const namespace = entity.metadata.namespace ?? 'default';
  const type = entity.spec?.type;
  return {
    ref: refOf(entity),
    indexRef: stringifyEntityRef(entity),
    kind: entity.kind,
    title: titleOf(entity),
    owner: ownerRefOf(entity),
    builtBy: isAgentLikeEntity(entity)
      ? []
      : builtByOf(entity)
          .map(b => normalizeRef(b, 'agent', namespace))
          .filter((b): b is string => Boolean(b)),
    type: typeof type === 'string' && type ? type : undefined,
  };
}

function toOverviewGroup(entity: Entity): OverviewGroup {
  const namespace = entity.metadata.namespace ?? 'default';
  const profile = entity.spec?.profile as { displayName?: unknown } | undefined;
  const children = Array.isArray(entity.spec?.children)
    ? (entity.spec!.children as unknown[])
    : [];
  return {
    ref: refOf(entity),
    title:
      typeof profile?.displayName === 'string' && profile.displayName
        ? profile.displayName
        : titleOf(entity),
    parentRef: normalizeRef(entity.spec?.parent, 'group', namespace),
    childRefs: children
      .map(c => normalizeRef(c, 'group', namespace))
      .filter((c): c is string => Boolean(c)),
  };
}

/**
 * Groups, Agents, AI-built entities and overlap subjects, read with the given credentials.
 */
export async function loadCatalogSnapshot(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  overlap: OverlapSubjects,
): Promise<CatalogSnapshot> {
  const groups: OverviewGroup[] = [];
  for await (const page of catalog.streamEntities(
    {
      filter: { kind: 'group' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
        'spec.parent',
        'spec.children',
      ],
      pageSize: PAGE_SIZE,
    },
    { credentials },
  )) {
    groups.push(...page.map(toOverviewGroup));
  }
  const agents: OverviewEntity[] = [];
  const artifacts: OverviewEntity[] = [];
  for await (const page of catalog.streamEntities(
    {
      filter: agentMeshEntitiesFilter(overlap),
      fields: ENTITY_FIELDS,
      pageSize: PAGE_SIZE,
    },
    { credentials },
  )) {
    for (const entity of page) {
      if (isAgentLikeEntity(entity)) agents.push(toOverviewEntity(entity));
      else if (isOverviewArtifact(entity, overlap)) {
        artifacts.push(toOverviewEntity(entity));
      }
    }
  }
  return { groups, agents, artifacts };
}
