import { TestDatabases } from '@backstage/backend-test-utils';
import { migrationsDir } from '../database/migrations';
import {
  DatabaseOverlapPairStore,
  StoredOverlapPair,
} from './OverlapPairStore';

jest.setTimeout(60_000);

const pair = (a: string, b: string, score: number): StoredOverlapPair => ({
  a: `aiartifact:default/${a}`,
  b: `aiartifact:default/${b}`,
  score,
  kind: 'duplicate',
  reasons: ['similar purpose: sales'],
});

describe('DatabaseOverlapPairStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'replaces the pairs and versions each write on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseOverlapPairStore.create({
        database: { getClient: async () => knex },
      });
      expect(await store.state()).toBeUndefined();
      await expect(store.read()).rejects.toThrow('No overlap pairs');

      const from = {
        indexVersion: 7,
        subjectsHash: 'abc',
        computedAt: '2026-12-05T10:00:00.000Z',
      };
      await store.replace([pair('a', 'b', 0.8), pair('a', 'c', 0.6)], from);
      expect(await store.read()).toEqual({
        state: { version: 1, ...from },
        pairs: expect.arrayContaining([
          pair('a', 'b', 0.8),
          pair('a', 'c', 0.6),
        ]),
      });

      // Nothing left of the earlier pairs; a write with no pairs is a state too.
      await store.replace([pair('b', 'c', 0.9)], { ...from, indexVersion: 8 });
      expect((await store.read()).pairs).toEqual([pair('b', 'c', 0.9)]);
      await store.replace([], { ...from, indexVersion: 9 });
      expect(await store.read()).toEqual({
        state: { version: 3, ...from, indexVersion: 9 },
        pairs: [],
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'migrates up and down on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      expect(
        await knex.schema.hasTable('agent_mesh_overview_overlap_pairs'),
      ).toBe(true);
      await knex.migrate.down({
        directory: migrationsDir,
        name: '20261205100000_overview_overlap_pairs.js',
      });
      expect(
        await knex.schema.hasTable('agent_mesh_overview_overlap_pairs'),
      ).toBe(false);
      expect(await knex.schema.hasTable('agent_mesh_overview_state')).toBe(
        false,
      );
      expect(await knex.schema.hasTable('agent_mesh_scorecard_runs')).toBe(
        true,
      );
    },
  );
});
