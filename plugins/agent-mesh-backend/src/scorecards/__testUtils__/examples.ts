import { Entity } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ActivityLookup, OverlapInfo, OverlapLookup } from '../types';

const EXAMPLES = join(__dirname, '../../../../../examples');

/** Every entity of examples/{org,agents,artifacts,components}.yaml. */
export function loadExampleEntities(): Entity[] {
  return ['org', 'agents', 'artifacts', 'components'].flatMap(file =>
    parseAllDocuments(readFileSync(join(EXAMPLES, `${file}.yaml`), 'utf8'))
      .map(doc => doc.toJS() as Entity | null)
      .filter((e): e is Entity => Boolean(e?.kind)),
  );
}

export function findExample(entities: Entity[], name: string): Entity {
  const entity = entities.find(e => e.metadata.name === name);
  if (!entity) throw new Error(`No example named ${name}`);
  return entity;
}

/** The evaluation time that examples/README.md's governance results assume. */
export const EXAMPLES_NOW = new Date('2026-11-20T12:00:00Z');

/** Overlaps as examples/README.md expects them (rows 1, 2, 5, 6). */
export function fakeOverlaps(): OverlapLookup {
  const a = 'aiartifact:default/brand-a-sales-aggregator';
  const b = 'aiartifact:default/brand-b-sales-rollup';
  const c = 'aiartifact:default/brand-c-revenue-dashboard-sync';
  const digest = 'aiartifact:default/weekly-sales-digest';
  const cross = (entityRef: string, acknowledged = false): OverlapInfo => ({
    entityRef,
    crossTeam: true,
    acknowledged,
    score: 0.7,
  });
  const table: Record<string, OverlapInfo[]> = {
    [a]: [cross(b), cross(c), cross(digest)],
    [b]: [cross(a), cross(c), cross(digest)],
    [c]: [cross(a), cross(b), cross(digest)],
    [digest]: [cross(a), cross(b), cross(c)],
    'aiartifact:default/campaign-copy-studio': [
      cross('aiartifact:default/brand-c-product-copy-writer', true),
    ],
  };
  return { overlapsOf: async ref => table[ref] ?? [] };
}

/** Latest activity per entity ref, as in examples/actions.ndjson. */
export function fakeActivity(
  latest: Record<string, string> = {
    'aiartifact:default/support-ticket-triage': '2026-11-18T10:00:00.000Z',
    'aiartifact:default/competitor-price-scraper': '2026-10-16T15:00:00.000Z',
    'aiartifact:default/brand-a-sales-aggregator': '2026-11-17T10:00:00.000Z',
    'agent:default/ops-workflow-agent': '2026-11-18T10:00:00.000Z',
    'agent:default/hackweek-agent': '2026-10-16T15:00:00.000Z',
  },
): ActivityLookup {
  return {
    lastActivity: async refs =>
      new Map(refs.filter(r => latest[r]).map(r => [r, latest[r]])),
    // Every caller may see every time here; the action log's own rules are tested with it.
    visibleActivity: async (_credentials, items) => items.map(() => true),
  };
}

/**
 * Adds the membership relations that the real catalog's processing emits (`memberOf` on Users,
 * `hasMember` on Groups), which the in-memory catalog mock does not.
 */
export function withMembershipRelations(entities: Entity[]): Entity[] {
  const members = new Map<string, string[]>();
  const result = entities.map(entity => {
    if (entity.kind !== 'User') return entity;
    const userRef = `user:default/${entity.metadata.name}`;
    const groups = (entity.spec?.memberOf as string[] | undefined) ?? [];
    for (const group of groups) {
      members.set(group, [...(members.get(group) ?? []), userRef]);
    }
    return {
      ...entity,
      relations: groups.map(targetRef => ({ type: 'memberOf', targetRef })),
    };
  });
  return result.map(entity =>
    entity.kind === 'Group'
      ? {
          ...entity,
          relations: (
            members.get(`group:default/${entity.metadata.name}`) ?? []
          ).map(targetRef => ({ type: 'hasMember', targetRef })),
        }
      : entity,
  );
}
