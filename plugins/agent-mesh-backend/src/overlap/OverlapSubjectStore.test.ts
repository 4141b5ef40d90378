import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseOverlapSubjectStore } from './OverlapSubjectStore';
import { OverlapEntry } from './entry';
import { migrationsDir } from '../database/migrations';

jest.setTimeout(60_000);

const entry = (name: string, title = name): OverlapEntry => ({
  entityRef: `aiartifact:default/${name}`,
  kind: 'AiArtifact',
  title,
  description: '',
  purpose: '',
  owner: 'group:default/a',
  tags: [],
  integrations: [],
  dependencies: [],
  acknowledged: [],
});

describe('DatabaseOverlapSubjectStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createStore(databaseId: any) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseOverlapSubjectStore.create({
      database: mockServices.database({ knex }),
    });
    return { knex, store };
  }

  it.each(databases.eachSupportedId())(
    'writes, removes and reports changes since a counter value, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      expect(await store.loadAll()).toEqual({ seq: 0, entries: [] });

      const s1 = await store.write({ upserts: [entry('a'), entry('b')] });
      expect(s1).toBe(1);
      const s2 = await store.write({
        upserts: [entry('a', 'A again')],
        removes: ['aiartifact:default/b'],
      });
      expect(s2).toBe(2);

      expect(await store.changesSince(0)).toEqual({
        kind: 'changes',
        seq: 2,
        upserts: [entry('a', 'A again')],
        removed: ['aiartifact:default/b'],
      });
      expect(await store.changesSince(2)).toEqual({
        kind: 'changes',
        seq: 2,
        upserts: [],
        removed: [],
      });
      const { hashes } = await store.hashes();
      expect([...hashes.keys()]).toEqual(['aiartifact:default/a']);
      expect((await store.loadAll()).entries).toEqual([entry('a', 'A again')]);

      // A removed ref comes back with a later write.
      await store.write({ upserts: [entry('b')] });
      expect((await store.loadAll()).entries).toHaveLength(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'spares rows written after a reconcile began, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.write({ upserts: [entry('old')] });
      const start = await store.currentSeq();
      await store.write({ upserts: [entry('new')] }); // an on-demand refresh meanwhile
      await store.write({
        removes: ['aiartifact:default/old', 'aiartifact:default/new'],
        removeIfSeqAtMost: start,
      });
      expect((await store.loadAll()).entries.map(e => e.entityRef)).toEqual([
        'aiartifact:default/new',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'prunes old tombstones and sends replicas that missed them to a full reload, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.write({ upserts: [entry('a'), entry('b')] });
      await store.write({ removes: ['aiartifact:default/b'] });
      expect(await store.pruneTombstones(Date.now() - 60_000)).toBe(0);
      expect(await store.pruneTombstones(Date.now() + 1)).toBe(1);
      expect(await store.changesSince(1)).toEqual({ kind: 'reload' });
      expect(await store.loadAll()).toEqual({ seq: 2, entries: [entry('a')] });
      expect((await store.changesSince(2)).kind).toBe('changes');
    },
  );

  it.each(databases.eachSupportedId())(
    'reads every live entry page by page, each once, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const names = Array.from({ length: 7 }, (_, i) => `e${i}`);
      await store.write({ upserts: names.map(n => entry(n)) });
      await store.write({ removes: ['aiartifact:default/e3'] });
      const seen: string[] = [];
      const seq = await store.forEachEntry(e => seen.push(e.entityRef), 2);
      expect(seq).toBe(2);
      expect(seen).toEqual(
        names.filter(n => n !== 'e3').map(n => `aiartifact:default/${n}`),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'migrates up and down, %p',
    async databaseId => {
      const { knex } = await createStore(databaseId);
      expect(await knex.schema.hasTable('agent_mesh_overlap_subjects')).toBe(
        true,
      );
      await knex.migrate.rollback({ directory: migrationsDir }, true);
      expect(await knex.schema.hasTable('agent_mesh_overlap_subjects')).toBe(
        false,
      );
      expect(await knex.schema.hasTable('agent_mesh_overlap_state')).toBe(
        false,
      );
      await knex.migrate.latest({ directory: migrationsDir });
      expect(await knex.schema.hasTable('agent_mesh_overlap_state')).toBe(true);
    },
  );
});
