import { createHash } from 'node:crypto';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ANNOTATION_ACKNOWLEDGED_OVERLAPS } from '@agent-mesh/plugin-agent-mesh-common';
import { OverlapSubject } from '@agent-mesh/plugin-agent-mesh-node';
import { subjectFromEntity } from './engine';

/**
 * What the overlap index keeps of one entity: the engine's subject (with the owner written as a
 * full entity ref) and the refs of the overlaps its owners acknowledged. Stored as JSON in
 * `agent_mesh_overlap_subjects` and put into the in-memory index as is.
 */
export interface OverlapEntry extends OverlapSubject {
  /** Full entity refs, sorted; see `ANNOTATION_ACKNOWLEDGED_OVERLAPS`. */
  acknowledged: string[];
}

function normalizeRef(
  ref: string,
  defaults: { defaultKind?: string; defaultNamespace: string },
): string | undefined {
  try {
    return stringifyEntityRef(parseEntityRef(ref.trim(), defaults));
  } catch {
    return undefined;
  }
}

/**
 * The refs that an entity's owners acknowledged as overlaps: `spec.acknowledgedOverlaps[].entityRef`
 * (AiArtifact) and the comma-separated `agent-mesh.io/acknowledged-overlaps` annotation (any
 * kind). Refs need a kind; the namespace defaults to the entity's. Malformed refs are skipped.
 */
export function acknowledgedOverlapsOf(entity: Entity): string[] {
  const defaults = { defaultNamespace: entity.metadata.namespace ?? 'default' };
  const raw: string[] = [];
  const fromSpec = entity.spec?.acknowledgedOverlaps;
  if (Array.isArray(fromSpec)) {
    for (const ack of fromSpec) {
      const ref = (ack as { entityRef?: unknown } | null)?.entityRef;
      if (typeof ref === 'string') raw.push(ref);
    }
  }
  const annotation =
    entity.metadata.annotations?.[ANNOTATION_ACKNOWLEDGED_OVERLAPS];
  if (annotation) raw.push(...annotation.split(','));
  const refs = raw
    .filter(r => r.trim())
    .map(r => normalizeRef(r, defaults))
    .filter((r): r is string => Boolean(r));
  return [...new Set(refs)].sort();
}

/** The index entry of an (eligible) catalog entity. */
export function entryFromEntity(entity: Entity): OverlapEntry {
  const subject = subjectFromEntity(entity);
  const owner = subject.owner
    ? normalizeRef(subject.owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }) ?? subject.owner
    : undefined;
  return { ...subject, owner, acknowledged: acknowledgedOverlapsOf(entity) };
}

/** Whether either side of a pair acknowledged the other. */
export function isAcknowledged(a: OverlapEntry, b: OverlapEntry): boolean {
  return (
    a.acknowledged.includes(b.entityRef) || b.acknowledged.includes(a.entityRef)
  );
}

/** JSON with sorted keys, so that equal entries hash alike. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map(k => [k, v[k]]),
        )
      : v,
  );
}

/** SHA-256 of the canonical JSON of an entry: unchanged entries are not written again. */
export function hashEntry(entry: OverlapEntry): string {
  return createHash('sha256').update(canonicalJson(entry)).digest('hex');
}
