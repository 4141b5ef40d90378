import { TestDatabases } from '@backstage/backend-test-utils';
import { migrationsDir } from '../database/migrations';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { ScorecardResult } from './types';

jest.setTimeout(60_000);

function result(
  entityRef: string,
  ownerRef: string,
  score: number,
): ScorecardResult & { ownerRef: string } {
  return {
    entityRef,
    ownerRef,
    score,
    level: score >= 90 ? 'Gold' : null,
    checks: [
      { id: 'lifecycle', title: 'Lifecycle', status: 'pass', detail: 'ok' },
    ],
  };
}

describe('DatabaseScorecardStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'records runs, keeps history and latest, rolls up by owner on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseScorecardStore.create({
        database: { getClient: async () => knex },
      });
      const a = 'aiartifact:default/a';
      const b = 'aiartifact:default/b';
      const c = 'aiartifact:default/c';

      await store.recordRun(
        [result(a, 'group:default/x', 40), result(b, 'group:default/y', 95)],
        { evaluatedAt: '2026-11-01T00:00:00.000Z', complete: true },
      );
      await store.recordRun(
        [result(a, 'group:default/x', 60), result(c, 'group:default/x', 100)],
        { evaluatedAt: '2026-11-02T00:00:00.000Z', complete: true },
      );

      expect(await store.latest(a)).toEqual({
        ...result(a, 'group:default/x', 60),
        evaluatedAt: '2026-11-02T00:00:00.000Z',
      });
      // b was not evaluated by the complete second run: gone from latest, kept in history.
      expect(await store.latest(b)).toBeUndefined();
      expect((await store.history(b)).map(h => h.score)).toEqual([95]);
      expect((await store.history(a)).map(h => h.score)).toEqual([60, 40]);
      expect((await store.history(a, { limit: 1 })).length).toBe(1);

      expect(
        (await store.latestByOwners(['group:default/x'])).map(r => r.entityRef),
      ).toEqual([a, c]);
      expect((await store.latestByOwners()).length).toBe(2);
      expect(await store.latestByOwners(['group:default/none'])).toEqual([]);

      expect(await store.pruneHistory('2026-11-02T00:00:00.000Z')).toBe(2);
      expect((await store.history(a)).map(h => h.score)).toEqual([60]);
    },
  );

  it.each(databases.eachSupportedId())(
    'migrates up and down on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      expect(await knex.schema.hasTable('agent_mesh_scorecard_results')).toBe(
        true,
      );
      await knex.migrate.down({
        directory: migrationsDir,
        name: '20261124140000_scorecards.js',
      });
      expect(await knex.schema.hasTable('agent_mesh_scorecard_results')).toBe(
        false,
      );
      expect(await knex.schema.hasTable('agent_mesh_scorecard_latest')).toBe(
        false,
      );
      expect(await knex.schema.hasTable('agent_mesh_actions')).toBe(true);
    },
  );
});
