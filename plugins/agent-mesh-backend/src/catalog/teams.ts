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
 * Parent to children edges of the group hierarchy: a group is below another when it names that
 * group in its own `spec.parent`.
 *
 * Sub-teams widen access (a policy that lets a team read its sub-teams' actions), so a link
 * counts only when the group that it puts below another says so itself. A parent's
 * `spec.children` can be written by whoever registers that parent: a group listing another team
 * as its child would otherwise read that team's actions. The catalog's parentOf/childOf
 * relations are made from either side's declaration, so they are not read either.
 */
export function childrenByGroup(groups: Entity[]): Map<string, Set<string>> {
  const children = new Map<string, Set<string>>();
  for (const group of groups) {
    const ref = stringifyEntityRef(group).toLocaleLowerCase('en-US');
    const parent = toGroupRef(
      group.spec?.parent,
      group.metadata.namespace ?? 'default',
    );
    if (!parent || parent === ref) continue;
    const set = children.get(parent) ?? new Set<string>();
    set.add(ref);
    children.set(parent, set);
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
 * The group and all its sub-teams (full, lower-case refs): the groups that name it as their
 * `spec.parent`, and so on down (see `childrenByGroup`). Cycles are harmless.
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
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.parent'],
    },
    { credentials },
  );
  return items;
}
