import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { normalizeRef, refOf } from './refs';

/** Where a scorecard context reads entities and group membership from. */
export interface EntitySource {
  getEntity(entityRef: string): Promise<Entity | undefined>;
  /** True when the group has members, directly or in a sub-team. */
  hasMembers(groupRef: string): Promise<boolean>;
}

const lower = (v: string) => v.toLocaleLowerCase('en-US');

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}

function relationTargets(entity: Entity, type: string): string[] {
  return (entity.relations ?? [])
    .filter(r => lower(r.type) === lower(type))
    .map(r => lower(r.targetRef));
}

/** Sub-teams of a group as its spec.children and parentOf relations name them. */
function childrenOf(group: Entity): string[] {
  const namespace = group.metadata.namespace ?? 'default';
  return [
    ...stringList(group.spec?.children).map(c =>
      normalizeRef(c, 'group', namespace),
    ),
    ...relationTargets(group, 'parentOf'),
  ].filter((c): c is string => Boolean(c));
}

/** Walks a group and its sub-teams until `test` says yes; guards against cycles. */
async function anyInTree(
  groupRef: string,
  getGroup: (ref: string) => Promise<Entity | undefined>,
  test: (group: Entity, ref: string) => Promise<boolean> | boolean,
): Promise<boolean> {
  const seen = new Set<string>();
  const queue = [lower(groupRef)];
  while (queue.length) {
    const ref = queue.shift()!;
    if (seen.has(ref)) continue;
    seen.add(ref);
    const group = await getGroup(ref);
    if (!group || lower(group.kind) !== 'group') continue;
    if (await test(group, ref)) return true;
    queue.push(...childrenOf(group));
  }
  return false;
}

/** An in-memory source over a loaded set of entities (the scheduled job, dry runs, benchmarks). */
export function createSnapshotSource(entities: Entity[]): EntitySource {
  const byRef = new Map<string, Entity>();
  const withMembers = new Set<string>();
  for (const entity of entities) {
    byRef.set(refOf(entity), entity);
    const kind = lower(entity.kind);
    if (kind === 'user') {
      const namespace = entity.metadata.namespace ?? 'default';
      for (const group of stringList(entity.spec?.memberOf)) {
        const ref = normalizeRef(group, 'group', namespace);
        if (ref) withMembers.add(ref);
      }
      for (const ref of relationTargets(entity, 'memberOf')) {
        withMembers.add(ref);
      }
    } else if (
      kind === 'group' &&
      relationTargets(entity, 'hasMember').length
    ) {
      withMembers.add(refOf(entity));
    }
  }
  const memo = new Map<string, Promise<boolean>>();
  const getEntity = async (ref: string) => byRef.get(lower(ref));
  return {
    getEntity,
    hasMembers(groupRef) {
      const key = lower(groupRef);
      let result = memo.get(key);
      if (!result) {
        result = anyInTree(key, getEntity, (_g, ref) => withMembers.has(ref));
        memo.set(key, result);
      }
      return result;
    },
  };
}

/** A source that asks the catalog, remembering answers for its own lifetime (one request). */
export function createCatalogSource(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): EntitySource {
  const entities = new Map<string, Promise<Entity | undefined>>();
  const members = new Map<string, Promise<boolean>>();

  const getEntity = (ref: string) => {
    const key = lower(ref);
    let entity = entities.get(key);
    if (!entity) {
      entity = catalog
        .getEntityByRef(key, { credentials })
        .then(e => e ?? undefined);
      entities.set(key, entity);
    }
    return entity;
  };

  async function hasDirectMembers(group: Entity, ref: string) {
    if (relationTargets(group, 'hasMember').length) return true;
    const name = group.metadata.name;
    const namespace = group.metadata.namespace ?? 'default';
    const written = [ref, `${namespace}/${name}`];
    if (namespace === 'default') written.push(name);
    const { items } = await catalog.getEntities(
      {
        filter: [
          { kind: 'user', 'relations.memberof': ref },
          ...written.map(w => ({ kind: 'user', 'spec.memberOf': w })),
        ],
        fields: ['metadata.name'],
        limit: 1,
      },
      { credentials },
    );
    return items.length > 0;
  }

  return {
    getEntity,
    hasMembers(groupRef) {
      const key = lower(groupRef);
      let result = members.get(key);
      if (!result) {
        result = anyInTree(key, getEntity, hasDirectMembers);
        members.set(key, result);
      }
      return result;
    },
  };
}
