import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  agentMeshInsightsReadPermission,
  SimilarItem,
} from '@agent-mesh/plugin-agent-mesh-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OverlapService } from '../overlap';
import { builtByOf, normalizeRef } from '../scorecards/refs';
import { plannedWorkShape, requirePermission } from './shared';

const SOURCE_LOCATION = 'backstage.io/source-location';
const TECHDOCS_REF = 'backstage.io/techdocs-ref';

/** One existing artifact in the build context pack. */
export interface BuildContextArtifact {
  entityRef: string;
  title: string;
  kind: string;
  type?: string;
  lifecycle?: string;
  owner?: string;
  ownerTitle?: string;
  ownerEmail?: string;
  score: number;
  reasons: string[];
  description?: string;
  purpose?: string;
  integrations: string[];
  builtBy: string[];
  system?: string;
  dependsOn: string[];
  sourceLocation?: string;
  docs: { title: string; url: string }[];
  links: { title: string; url: string; type?: string }[];
  link: string;
  howToReuse: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim().replace(/\s+/g, ' ')
    : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}

/** `url:https://...` (the annotation's form) as a plain URL. */
function sourceLocationOf(entity: Entity): string | undefined {
  const value = entity.metadata.annotations?.[SOURCE_LOCATION];
  return value ? value.replace(/^url:/, '') : undefined;
}

function linksOf(entity: Entity) {
  return (entity.metadata.links ?? []).map(l => ({
    title: l.title ?? l.url,
    url: l.url,
    ...(l.type ? { type: l.type } : {}),
  }));
}

function docsOf(
  entity: Entity,
  links: BuildContextArtifact['links'],
  entityLink: string,
) {
  const docs = links
    .filter(
      l =>
        l.type === 'docs' ||
        /\b(docs?|documentation|runbook|readme|guide)\b/i.test(l.title),
    )
    .map(({ title, url }) => ({ title, url }));
  if (entity.metadata.annotations?.[TECHDOCS_REF]) {
    docs.push({ title: 'TechDocs', url: `${entityLink}/docs` });
  }
  return docs;
}

/** A few sentences that tell an agent how to start from the existing work instead of from zero. */
export function howToReuse(
  artifact: Omit<BuildContextArtifact, 'howToReuse'>,
  askingOwner?: string,
): string {
  const who = artifact.owner
    ? `${artifact.ownerTitle ?? artifact.owner} (${artifact.owner}${
        artifact.ownerEmail ? `, ${artifact.ownerEmail}` : ''
      })`
    : 'nobody (no owner is recorded; find out who runs it before relying on it)';
  const sameTeam =
    askingOwner &&
    artifact.owner &&
    normalizeRef(askingOwner, 'group') === artifact.owner;
  const parts = [
    `${artifact.title} (${artifact.entityRef}) is owned by ${who}${
      sameTeam ? ', your own team' : ''
    }.`,
  ];
  if (artifact.purpose ?? artifact.description) {
    parts.push(`It exists to: ${artifact.purpose ?? artifact.description}`);
  }
  if (artifact.integrations.length) {
    parts.push(
      `It already integrates ${artifact.integrations.join(
        ', ',
      )}: reuse its connections and credentials set-up instead of building new ones.`,
    );
  }
  const read = [
    artifact.sourceLocation && `the source at ${artifact.sourceLocation}`,
    ...artifact.docs.map(d => `${d.title} at ${d.url}`),
  ].filter(Boolean);
  parts.push(
    read.length
      ? `Read ${read.join(' and ')} first.`
      : `It lists no source or docs; ask the owners for them (catalog page: ${artifact.link}).`,
  );
  if (artifact.lifecycle === 'proposed') {
    parts.push(
      'It is only proposed, not built yet: join the owners instead of starting a parallel effort.',
    );
  } else if (artifact.lifecycle === 'deprecated') {
    parts.push('It is deprecated: ask the owners what replaced it.');
  }
  parts.push(
    sameTeam
      ? 'Extend it rather than building a second one.'
      : 'Ask the owners whether it can serve your need (a new output, parameter or brand) before building. If you still build your own, record the overlap in spec.acknowledgedOverlaps of your catalog-info.yaml with the reason.',
  );
  return parts.join(' ');
}

async function describeArtifact(
  match: SimilarItem,
  deps: {
    catalog: CatalogService;
    credentials: BackstageCredentials;
    entityLink: (entityRef: string) => string;
    askingOwner?: string;
  },
): Promise<BuildContextArtifact | undefined> {
  const { catalog, credentials, entityLink } = deps;
  const entity = await catalog.getEntityByRef(match.entityRef, {
    credentials,
  });
  if (!entity) return undefined; // gone since the index saw it, or not visible to the caller
  const namespace = entity.metadata.namespace ?? 'default';
  const owner =
    normalizeRef(text(entity.spec?.owner), 'group', namespace) ?? match.owner;
  const ownerEntity = owner
    ? await catalog.getEntityByRef(owner, { credentials })
    : undefined;
  const link = entityLink(match.entityRef);
  const links = linksOf(entity);
  const profile = (ownerEntity?.spec?.profile ?? {}) as Record<string, unknown>;
  const artifact: Omit<BuildContextArtifact, 'howToReuse'> = {
    entityRef: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
    title: entity.metadata.title ?? match.title,
    kind: entity.kind,
    type: text(entity.spec?.type),
    lifecycle: text(entity.spec?.lifecycle),
    owner,
    ownerTitle: text(ownerEntity?.metadata.title) ?? text(profile.displayName),
    ownerEmail: text(profile.email),
    score: match.score,
    reasons: match.reasons,
    description: text(entity.metadata.description),
    purpose: text(entity.spec?.purpose),
    integrations: strings(entity.spec?.integrations),
    builtBy: builtByOf(entity),
    system: text(entity.spec?.system),
    dependsOn: strings(entity.spec?.dependsOn),
    sourceLocation: sourceLocationOf(entity),
    docs: docsOf(entity, links, link),
    links,
    link,
  };
  // Leave out empty optional fields, so that agents do not read "undefined".
  const clean = Object.fromEntries(
    Object.entries(artifact).filter(([, v]) => v !== undefined),
  ) as Omit<BuildContextArtifact, 'howToReuse'>;
  return { ...clean, howToReuse: howToReuse(clean, deps.askingOwner) };
}

/** `agent-mesh:get-build-context`: the "start from the first team's work" pack. */
export function registerGetBuildContextAction(
  actionsRegistry: ActionsRegistryService,
  deps: {
    overlap: OverlapService;
    catalog: CatalogService;
    auth: AuthService;
    permissions: PermissionsService;
    entityLink: (entityRef: string) => string;
  },
) {
  const { overlap, catalog, permissions, entityLink } = deps;
  actionsRegistry.register({
    name: 'get-build-context',
    title:
      'Get the context for building something: existing work to start from',
    description: `Call this when you are asked to build something (a tool, integration, aggregator, dashboard, workflow) and want to start from what the organisation already has, instead of from zero. Describe what is to be built.

Returns a pack of the existing artifacts that already do this job, best match first, each with its owning team and how to reach them, its purpose, description, integrations (external systems it already connects to), the agents that built it, its source location (backstage.io/source-location), docs and other links, its catalog page, and a short "how to reuse" text. The summary says in one sentence whether to reuse, extend or build.

Use the owners and the how-to-reuse text to tell the user whose work to start from. If the pack is empty, nothing similar exists: build it, and register it in the catalog as an AiArtifact. Read-only.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => z.object(plannedWorkShape(z, 5)),
      output: z =>
        z.object({
          summary: z.string(),
          artifacts: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string(),
              kind: z.string(),
              type: z.string().optional(),
              lifecycle: z.string().optional(),
              owner: z.string().optional(),
              ownerTitle: z.string().optional(),
              ownerEmail: z.string().optional(),
              score: z.number(),
              reasons: z.array(z.string()),
              description: z.string().optional(),
              purpose: z.string().optional(),
              integrations: z.array(z.string()),
              builtBy: z.array(z.string()),
              system: z.string().optional(),
              dependsOn: z.array(z.string()),
              sourceLocation: z.string().optional(),
              docs: z.array(z.object({ title: z.string(), url: z.string() })),
              links: z.array(
                z.object({
                  title: z.string(),
                  url: z.string(),
                  type: z.string().optional(),
                }),
              ),
              link: z.string(),
              howToReuse: z.string(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await requirePermission(
        permissions,
        credentials,
        agentMeshInsightsReadPermission,
        'read overlaps',
      );
      const matches = await overlap.similar(input, credentials);
      const artifacts = (
        await Promise.all(
          matches.map(match =>
            describeArtifact(match, {
              catalog,
              credentials,
              entityLink,
              askingOwner: input.owner,
            }),
          ),
        )
      ).filter((a): a is BuildContextArtifact => Boolean(a));
      return { output: { summary: summarize(artifacts), artifacts } };
    },
  });
}

function summarize(artifacts: BuildContextArtifact[]): string {
  if (artifacts.length === 0) {
    return 'Nothing similar exists in the catalog: build it, and register it as an AiArtifact (catalog-info.yaml) so that the next team finds it.';
  }
  const strong = artifacts.filter(a => a.score >= 0.5);
  const owners = [
    ...new Set(strong.map(a => a.ownerTitle ?? a.owner ?? 'no owner')),
  ];
  if (strong.length === 0) {
    return `${artifacts.length} loosely related artifact(s) exist, none doing the same job; build it, and look at ${artifacts[0].title} (${artifacts[0].entityRef}) for parts to reuse.`;
  }
  return `${
    strong.length
  } existing artifact(s) already do this job (owned by ${owners.join(
    ', ',
  )}). Start from ${strong[0].title} (${
    strong[0].entityRef
  }): talk to its owners and reuse or extend it rather than building another one.`;
}
