import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { parseValidEntityRef } from '@agent-mesh/plugin-agent-mesh-common';
import { CatalogService } from '@backstage/plugin-catalog-node';

function toGroupRef(value: unknown, namespace: string): string | undefined {
  const parsed = parseValidEntityRef(value, {
    defaultKind: 'group',
    defaultNamespace: namespace,
  });
  return parsed
    ? stringifyEntityRef(parsed).toLocaleLowerCase('en-US')
    : undefined;
}

/**
 * Parent to children edges of the group hierarchy, from each Group's spec.children and
 * spec.parent and its parentOf/childOf relations (any one side suffices).
 */
export function childrenByGroup(groups: Entity[]): Map<string, Set<string>> {
  const children = new Map<string, Set<string>>();
  const add = (parent: string | undefined, child: string | undefined) => {
    if (!parent || !child) return;
    const set = children.get(parent) ?? new Set<string>();
    set.add(child);
    children.set(parent, set);
  };
  for (const group of groups) {
    const ref = stringifyEntityRef(group).toLocaleLowerCase('en-US');
    const namespace = group.metadata.namespace ?? 'default';
    const listed = Array.isArray(group.spec?.children)
      ? group.spec!.children
      : [];
    for (const child of listed) {
      add(ref, toGroupRef(child, namespace));
    }
    add(toGroupRef(group.spec?.parent, namespace), ref);
    for (const relation of group.relations ?? []) {
      if (relation.type === 'parentOf') {
        add(ref, toGroupRef(relation.targetRef, namespace));
      } else if (relation.type === 'childOf') {
        add(toGroupRef(relation.targetRef, namespace), ref);
      }
    }
  }
  return children;
}

/** The group and everything below it in `children`, breadth first; cycles are harmless. */
export function descendantsOf(
  children: Map<string, Set<string>>,
  groupRef: string,
): string[] {
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

/**
 * The group and all its sub-teams (full, lower-case refs), following the Groups' spec.children,
 * spec.parent and parentOf/childOf relations (either side suffices). Cycles are harmless.
 */
export function teamTree(groups: Entity[], groupRef: string): string[] {
  return descendantsOf(childrenByGroup(groups), groupRef);
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
        'relations',
      ],
    },
    { credentials },
  );
  return items;
}
