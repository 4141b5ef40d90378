import { TestDatabases } from '@backstage/backend-test-utils';
import { migrationsDir } from '../database/migrations';
import { DatabaseFirstSeenStore } from './FirstSeenStore';
import { firstAppearance } from './firstAppearance';

jest.setTimeout(60_000);

describe('DatabaseFirstSeenStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'records the first recording as the baseline and later ones as seen, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseFirstSeenStore.create({
        database: { getClient: async () => knex },
      });
      expect(
        await store.record(
          ['AiArtifact:default/A', 'agent:default/b'],
          '2026-11-01T00:00:00.000Z',
        ),
      ).toBe(2);
      expect(
        await store.record(
          ['aiartifact:default/a', 'aiartifact:default/c'],
          '2026-11-05T00:00:00.000Z',
        ),
      ).toBe(1);
      const seen = await store.get([
        'aiartifact:default/a',
        'aiartifact:default/c',
        'aiartifact:default/never',
      ]);
      expect(Object.fromEntries(seen)).toEqual({
        'aiartifact:default/a': {
          firstSeenAt: '2026-11-01T00:00:00.000Z',
          baseline: true,
        },
        'aiartifact:default/c': {
          firstSeenAt: '2026-11-05T00:00:00.000Z',
          baseline: false,
        },
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'migrates up and down on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      expect(await knex.schema.hasTable('agent_mesh_entity_first_seen')).toBe(
        true,
      );
      await knex.migrate.down({
        directory: migrationsDir,
        name: '20261202033000_entity_first_seen.js',
      });
      expect(await knex.schema.hasTable('agent_mesh_entity_first_seen')).toBe(
        false,
      );
      expect(await knex.schema.hasTable('agent_mesh_actions')).toBe(true);
    },
  );
});

describe('firstAppearance', () => {
  const seen = { firstSeenAt: '2026-11-10T00:00:00.000Z', baseline: false };
  it('takes the earlier of first seen and the first action', () => {
    expect(firstAppearance(seen, '2026-11-08T00:00:00.000Z', undefined)).toBe(
      '2026-11-08T00:00:00.000Z',
    );
    expect(firstAppearance(seen, '2026-11-12T00:00:00.000Z', undefined)).toBe(
      seen.firstSeenAt,
    );
  });

  it('trusts only artifact.created for the baseline and unrecorded entities', () => {
    const baseline = { ...seen, baseline: true };
    expect(
      firstAppearance(baseline, '2026-11-08T00:00:00.000Z', undefined),
    ).toBeUndefined();
    expect(
      firstAppearance(
        undefined,
        '2026-11-08T00:00:00.000Z',
        '2026-11-09T00:00:00.000Z',
      ),
    ).toBe('2026-11-09T00:00:00.000Z');
  });
});
