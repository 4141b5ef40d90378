import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_BUILT_BY } from '../annotations';
import { isAiArtifactEntity } from '../kinds/guards';

/**
 * The kinds besides AiArtifact that take part in overlap detection when
 * `agentMesh.overlap.kinds` is not configured.
 *
 * @public
 */
export const DEFAULT_OVERLAP_KINDS: readonly string[] = [
  'Component',
  'API',
  'AiResource',
];

/**
 * The `spec.type`s that take part without the built-by annotation when `agentMesh.overlap.types`
 * is not configured: MCP servers (`API` entities of type `mcp-server`, as Backstage's AI model
 * module declares them) are agent tooling whoever built them.
 *
 * @public
 */
export const DEFAULT_OVERLAP_TYPES: readonly string[] = ['mcp-server'];

/**
 * `agentMesh.overlap.kinds` and `agentMesh.overlap.types`.
 *
 * @public
 */
export interface OverlapEligibilityOptions {
  /** Kinds besides AiArtifact that take part; default `DEFAULT_OVERLAP_KINDS`. */
  kinds?: readonly string[];
  /** `spec.type`s that make an entity of those kinds take part without the built-by annotation; default `DEFAULT_OVERLAP_TYPES`. */
  types?: readonly string[];
}

/**
 * Whether an entity takes part in overlap detection: every AiArtifact, and entities of the
 * configured kinds that carry the `agent-mesh.io/built-by` annotation or one of the configured
 * `spec.type`s. The backend indexes exactly these, the catalog module asks about exactly these,
 * and the frontend shows the Overlaps card on exactly these.
 *
 * @public
 */
export function isOverlapEligible(
  entity: Entity,
  options: OverlapEligibilityOptions = {},
): boolean {
  if (isAiArtifactEntity(entity)) return true;
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const kinds = options.kinds ?? DEFAULT_OVERLAP_KINDS;
  if (!kinds.some(k => k.toLocaleLowerCase('en-US') === kind)) return false;
  if (entity.metadata.annotations?.[ANNOTATION_BUILT_BY]) return true;
  const type = entity.spec?.type;
  return (
    typeof type === 'string' &&
    type !== '' &&
    (options.types ?? DEFAULT_OVERLAP_TYPES).includes(type)
  );
}
