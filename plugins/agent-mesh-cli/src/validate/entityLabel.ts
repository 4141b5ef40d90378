/**
 * How a document is named in problem lines: its entity ref in the form the catalog writes them
 * (`aiartifact:default/foo`, kind lower-cased), with `default` for a missing namespace and
 * `<document N>` for a missing name.
 */
export function entityLabel(value: unknown, documentIndex: number): string {
  const entity = (
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? value
      : {}
  ) as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
  const metadata =
    typeof entity.metadata === 'object' && entity.metadata !== null
      ? entity.metadata
      : {};

  const kind =
    typeof entity.kind === 'string' && entity.kind !== ''
      ? entity.kind.toLocaleLowerCase('en-US')
      : '<no kind>';
  const namespace =
    typeof metadata.namespace === 'string' && metadata.namespace !== ''
      ? metadata.namespace
      : 'default';
  const name =
    typeof metadata.name === 'string' && metadata.name !== ''
      ? metadata.name
      : `<document ${documentIndex}>`;
  return `${kind}:${namespace}/${name}`;
}
