import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { normalizeRef, refOf } from './refs';

/**
 * The group and all its sub-teams (full, lower-case refs), following the Groups' spec.children
 * and spec.parent (either side suffices). Cycles are harmless.
 */
export function teamTree(groups: Entity[], groupRef: string): string[] {
  const children = new Map<string, Set<string>>();
  const add = (parent: string, child: string) => {
    const set = children.get(parent) ?? new Set<string>();
    set.add(child);
    children.set(parent, set);
  };
  for (const group of groups) {
    const ref = refOf(group);
    const namespace = group.metadata.namespace ?? 'default';
    const listed = Array.isArray(group.spec?.children)
      ? group.spec!.children
      : [];
    for (const child of listed) {
      const childRef = normalizeRef(child, 'group', namespace);
      if (childRef) add(ref, childRef);
    }
    const parentRef = normalizeRef(group.spec?.parent, 'group', namespace);
    if (parentRef) add(parentRef, ref);
  }
  const result: string[] = [];
  const seen = new Set<string>();
  const queue = [groupRef.toLocaleLowerCase('en-US')];
  while (queue.length) {
    const ref = queue.shift()!;
    if (seen.has(ref)) continue;
    seen.add(ref);
    result.push(ref);
    queue.push(...(children.get(ref) ?? []));
  }
  return result;
}

/** Every Group in the catalog, with the fields that `teamTree` needs. */
export async function loadGroups(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const { items } = await catalog.getEntities(
    {
      filter: { kind: 'group' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'spec.children',
        'spec.parent',
      ],
    },
    { credentials },
  );
  return items;
}
