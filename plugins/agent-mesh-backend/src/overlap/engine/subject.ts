import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { isAiArtifactEntity } from '@agent-mesh/plugin-agent-mesh-common';
import { OverlapSubject } from '@agent-mesh/plugin-agent-mesh-node';
import { canonicalSystem, normalizeSystemName } from './systems';

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.length > 0)
    : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * What the overlap engine compares, taken from a catalog entity. AiArtifacts bring their own
 * `spec.purpose` and `spec.integrations`; other kinds (Component, API, Resource, AiResource with
 * the built-by annotation) bring metadata, `spec.type` and their dependencies and APIs, and
 * their integrations are the tags that name known systems.
 */
export function subjectFromEntity(entity: Entity): OverlapSubject {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const tags = unique(strings(entity.metadata.tags).map(t => t.toLowerCase()));
  const owner = text(spec.owner) || undefined;
  const common = {
    entityRef: stringifyEntityRef(entity),
    kind: entity.kind,
    title: entity.metadata.title ?? entity.metadata.name,
    description: entity.metadata.description ?? '',
    type: text(spec.type) || undefined,
    owner,
    tags,
  };
  if (isAiArtifactEntity(entity)) {
    return {
      ...common,
      purpose: text(spec.purpose),
      integrations: unique(strings(spec.integrations).map(normalizeSystemName)),
      dependencies: unique(strings(spec.dependsOn)),
    };
  }
  return {
    ...common,
    purpose: text(spec.purpose),
    integrations: unique(
      tags
        .map(
          t => canonicalSystem(t) ?? canonicalSystem(t.replace(/[-_]/g, ' ')),
        )
        .filter((t): t is string => Boolean(t)),
    ),
    dependencies: unique([
      ...strings(spec.dependsOn),
      ...strings(spec.consumesApis),
      ...strings(spec.providesApis),
    ]),
  };
}
