import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { migrationsDir } from '../database/migrations';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { ScorecardResult } from './types';

jest.setTimeout(60_000);

const CHANGES_ONLY_MIGRATION = '20261205110000_scorecard_history_changes.js';

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

  const at = (day: number) =>
    `2026-11-${String(day).padStart(2, '0')}T00:00:00.000Z`;
  const storedRows = (knex: Knex, entityRef: string) =>
    knex('agent_mesh_scorecard_results')
      .where('entity_ref', entityRef)
      .count({ n: '*' })
      .then(([row]) => Number(row.n));
  const points = async (
    store: DatabaseScorecardStore,
    entityRef: string,
    limit?: number,
  ) =>
    (await store.history(entityRef, { limit })).map(h => [
      h.evaluatedAt,
      h.score,
    ]);

  it.each(databases.eachSupportedId())(
    'stores a result only when it changed, and still gives one point per run on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseScorecardStore.create({
        database: { getClient: async () => knex },
      });
      const a = 'aiartifact:default/a';
      const b = 'aiartifact:default/b';
      const run = (day: number, results: ReturnType<typeof result>[]) =>
        store.recordRun(results, { evaluatedAt: at(day), complete: true });

      await run(1, [
        result(a, 'group:default/x', 40),
        result(b, 'group:default/x', 70),
      ]);
      await run(2, [
        result(a, 'group:default/x', 40),
        result(b, 'group:default/x', 70),
      ]);
      // Two identical runs: one stored row each.
      expect(await storedRows(knex, a)).toBe(1);
      await run(3, [
        result(a, 'group:default/x', 40),
        result(b, 'group:default/x', 75),
      ]);
      // A changed result is a second row; the unchanged one stays at one.
      expect(await storedRows(knex, b)).toBe(2);
      expect(await storedRows(knex, a)).toBe(1);
      await run(4, [
        result(a, 'group:default/x', 40),
        result(b, 'group:default/x', 75),
      ]);

      // Every run that evaluated the entity, newest first, each with the result in force then.
      expect(await points(store, a)).toEqual([
        [at(4), 40],
        [at(3), 40],
        [at(2), 40],
        [at(1), 40],
      ]);
      expect(await points(store, b)).toEqual([
        [at(4), 75],
        [at(3), 75],
        [at(2), 70],
        [at(1), 70],
      ]);
      expect(await points(store, b, 3)).toEqual([
        [at(4), 75],
        [at(3), 75],
        [at(2), 70],
      ]);
      expect((await store.history(a))[0]).toEqual({
        ...result(a, 'group:default/x', 40),
        evaluatedAt: at(4),
      });
      // The latest result says when it was last evaluated, not when it last changed.
      expect((await store.latest(a))?.evaluatedAt).toBe(at(4));

      // A change of a check's outcome alone is a change.
      const detailed = result(a, 'group:default/x', 40);
      detailed.checks[0].detail = 'still ok';
      await run(5, [detailed, result(b, 'group:default/x', 75)]);
      expect(await storedRows(knex, a)).toBe(2);
      expect((await store.history(a, { limit: 1 }))[0].checks[0].detail).toBe(
        'still ok',
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'ends the history of an entity that left the catalog, and resumes it when it is back, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseScorecardStore.create({
        database: { getClient: async () => knex },
      });
      const a = 'aiartifact:default/a';
      const other = result('aiartifact:default/other', 'group:default/y', 10);
      const run = (day: number, results: ReturnType<typeof result>[]) =>
        store.recordRun(results, { evaluatedAt: at(day), complete: true });
      await run(1, [result(a, 'group:default/x', 40), other]);
      await run(2, [result(a, 'group:default/x', 40), other]);
      await run(3, [other]);
      await run(4, [other]);
      expect(await points(store, a)).toEqual([
        [at(2), 40],
        [at(1), 40],
      ]);
      await run(5, [result(a, 'group:default/x', 40), other]);
      expect(await points(store, a)).toEqual([
        [at(5), 40],
        [at(2), 40],
        [at(1), 40],
      ]);
      // A run of some entities only gives a point to those it evaluated.
      await store.recordRun([other], { evaluatedAt: at(6) });
      await run(7, [result(a, 'group:default/x', 40), other]);
      expect(await points(store, a, 2)).toEqual([
        [at(7), 40],
        [at(5), 40],
      ]);
      expect((await points(store, other.entityRef, 2)).map(p => p[0])).toEqual([
        at(7),
        at(6),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'prunes old history but keeps the result still in force on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseScorecardStore.create({
        database: { getClient: async () => knex },
      });
      const a = 'aiartifact:default/a';
      const b = 'aiartifact:default/b';
      const gone = 'aiartifact:default/gone';
      await store.recordRun(
        [
          result(a, 'group:default/x', 40),
          result(b, 'group:default/x', 10),
          result(gone, 'group:default/x', 5),
        ],
        { evaluatedAt: at(1), complete: true },
      );
      for (const day of [2, 3, 4, 5]) {
        await store.recordRun(
          [
            result(a, 'group:default/x', 40),
            result(b, 'group:default/x', day < 3 ? 10 : 20),
          ],
          { evaluatedAt: at(day), complete: true },
        );
      }
      // b's first result was replaced before day 4, gone's ended on day 1; a's is still in force.
      expect(await store.pruneHistory(at(4))).toBe(2);
      expect(await points(store, a)).toEqual([
        [at(5), 40],
        [at(4), 40],
      ]);
      expect(await points(store, b)).toEqual([
        [at(5), 20],
        [at(4), 20],
      ]);
      expect(await store.history(gone)).toEqual([]);
      expect(await storedRows(knex, a)).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the history stored before changes-only storage on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      await knex.migrate.down({
        directory: migrationsDir,
        name: CHANGES_ONLY_MIGRATION,
      });
      // One row per run, as the store wrote them before.
      const legacy = (day: number, score: number) => ({
        entity_ref: 'aiartifact:default/a',
        owner_ref: 'group:default/x',
        evaluated_at: at(day),
        score,
        level: null,
        checks: '[]',
      });
      await knex('agent_mesh_scorecard_results').insert([
        legacy(1, 40),
        legacy(2, 40),
        legacy(3, 50),
      ]);
      await knex('agent_mesh_scorecard_latest').insert(legacy(3, 50));
      const store = await DatabaseScorecardStore.create({
        database: { getClient: async () => knex },
      });
      expect(await points(store, 'aiartifact:default/a')).toEqual([
        [at(3), 50],
        [at(2), 40],
        [at(1), 40],
      ]);
      await store.recordRun(
        [
          {
            ...result('aiartifact:default/a', 'group:default/x', 50),
            level: null,
            checks: [],
          },
        ],
        {
          evaluatedAt: at(4),
          complete: true,
        },
      );
      expect(await storedRows(knex, 'aiartifact:default/a')).toBe(3);
      expect(await points(store, 'aiartifact:default/a', 2)).toEqual([
        [at(4), 50],
        [at(3), 50],
      ]);
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
      expect(await knex.schema.hasTable('agent_mesh_scorecard_runs')).toBe(
        true,
      );
      await knex.migrate.down({
        directory: migrationsDir,
        name: CHANGES_ONLY_MIGRATION,
      });
      expect(await knex.schema.hasTable('agent_mesh_scorecard_runs')).toBe(
        false,
      );
      expect(
        await knex.schema.hasColumn(
          'agent_mesh_scorecard_results',
          'last_evaluated_at',
        ),
      ).toBe(false);
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
