import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_BUILT_BY,
  isAiArtifactEntity,
  parseValidEntityRef,
  splitBuiltByAnnotation,
} from '@agent-mesh/plugin-agent-mesh-common';

/** The full, lower-case ref of a valid ref (with defaults), or undefined when it is not valid. */
export function normalizeRef(
  value: unknown,
  defaultKind?: string,
  defaultNamespace = 'default',
): string | undefined {
  const parsed = parseValidEntityRef(value, { defaultKind, defaultNamespace });
  return parsed
    ? stringifyEntityRef(parsed).toLocaleLowerCase('en-US')
    : undefined;
}

/** The entity's own full, lower-case ref. */
export function refOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : undefined;
}

/** spec.owner as a full ref (default kind group, the entity's namespace), or undefined. */
export function ownerRefOf(entity: Entity): string | undefined {
  return normalizeRef(
    str(entity.spec?.owner),
    'group',
    entity.metadata.namespace ?? 'default',
  );
}

/** The agents that built it: spec.builtBy of an AiArtifact, else the built-by annotation, as written. */
export function builtByOf(entity: Entity): string[] {
  if (isAiArtifactEntity(entity)) {
    const builtBy = entity.spec.builtBy;
    return Array.isArray(builtBy)
      ? builtBy.filter(b => typeof b === 'string')
      : [];
  }
  const annotation = entity.metadata.annotations?.[ANNOTATION_BUILT_BY];
  return annotation ? splitBuiltByAnnotation(annotation) : [];
}

/** A trimmed, non-empty string field of spec, or undefined. */
export function specString(entity: Entity, field: string): string | undefined {
  return str(entity.spec?.[field]);
}

/** spec.lifecycle in lower case, or undefined. */
export function lifecycleOf(entity: Entity): string | undefined {
  return specString(entity, 'lifecycle')?.toLocaleLowerCase('en-US');
}
