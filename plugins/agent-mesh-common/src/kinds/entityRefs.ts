import {
  CompoundEntityRef,
  KubernetesValidatorFunctions,
  parseEntityRef,
} from '@backstage/catalog-model';

/**
 * Parses an entity ref as the catalog would, and checks its parts against the catalog's naming
 * rules. Returns undefined when the ref is not valid.
 *
 * @public
 */
export function parseValidEntityRef(
  ref: unknown,
  context: { defaultKind?: string; defaultNamespace?: string } = {},
): CompoundEntityRef | undefined {
  if (typeof ref !== 'string' || ref.trim() !== ref || ref === '') {
    return undefined;
  }
  let parsed: CompoundEntityRef;
  try {
    parsed = parseEntityRef(ref, {
      defaultKind: context.defaultKind,
      defaultNamespace: context.defaultNamespace ?? 'default',
    });
  } catch {
    return undefined;
  }
  const valid =
    KubernetesValidatorFunctions.isValidObjectName(parsed.name) &&
    KubernetesValidatorFunctions.isValidNamespace(parsed.namespace) &&
    /^[a-zA-Z][a-z0-9A-Z]*$/.test(parsed.kind);
  return valid ? parsed : undefined;
}

/**
 * Splits the value of the `agent-mesh.io/built-by` annotation into its refs.
 *
 * @public
 */
export function splitBuiltByAnnotation(value: string): string[] {
  return value
    .split(',')
    .map(part => part.trim())
    .filter(part => part !== '');
}
