import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DatabaseActionStore } from './DatabaseActionStore';
import {
  readRetentionConfig,
  RETENTION_TASK_ID,
  runRetention,
  scheduleRetention,
} from './retention';
import { newAction as actionFixture } from './__testUtils__/newAction';

jest.setTimeout(60_000);

/** An action on the given day of November 2026. */
function newAction(id: string, day: number) {
  return actionFixture(id, {
    occurredAt: `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`,
    inputTokens: null,
    attributes: null,
  });
}

describe('retention config', () => {
  it('reads maxAge and the schedule', () => {
    expect(readRetentionConfig(new ConfigReader({}))).toBeUndefined();
    expect(
      readRetentionConfig(
        new ConfigReader({
          agentMesh: { actions: { retention: { maxAge: { days: 365 } } } },
        }),
      ),
    ).toEqual({
      maxAge: { days: 365 },
      schedule: expect.objectContaining({ frequency: { hours: 1 } }),
    });
    expect(
      readRetentionConfig(
        new ConfigReader({
          agentMesh: {
            actions: {
              retention: {
                maxAge: { days: 30 },
                schedule: { frequency: { days: 1 }, timeout: { hours: 1 } },
              },
            },
          },
        }),
      )?.schedule,
    ).toEqual({ frequency: { days: 1 }, timeout: { hours: 1 } });
    expect(() =>
      readRetentionConfig(
        new ConfigReader({
          agentMesh: { actions: { retention: { maxAge: { days: 0 } } } },
        }),
      ),
    ).toThrow('maxAge must be a positive duration');
  });
});

describe('retention', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'removes a prefix of the chain, checkpoints it and keeps it verifiable, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseActionStore.create({
        database: { getClient: async () => knex },
      });
      // Days 1..10, except seq 6 which happened on day 2 (reported late).
      await store.append(
        Array.from({ length: 10 }, (_, i) =>
          newAction(`a${i + 1}`, i === 5 ? 2 : i + 1),
        ),
      );
      const hashOf = async (seq: number) =>
        (await knex('agent_mesh_actions').where({ seq }).first()).hash;
      const hash4 = await hashOf(4);

      const first = await store.removeOlderThan('2026-11-05T00:00:00.000Z', {
        batchSize: 3,
      });
      expect(first).toEqual({
        removed: 4,
        checkpoint: {
          seq: 4,
          hash: hash4,
          removed: 4,
          cut: '2026-11-05T00:00:00.000Z',
          createdAt: expect.any(String),
        },
      });
      // seq 6 is old too, but stays: only a prefix goes.
      expect(
        (await store.list({ limit: 20 })).map(a => a.seq).reverse(),
      ).toEqual([5, 6, 7, 8, 9, 10]);
      expect(await knex('agent_mesh_actions_checkpoints')).toHaveLength(1);
      expect(await store.verify({ pageSize: 4 })).toEqual({
        ok: true,
        checked: 6,
      });

      // Nothing to do: no second checkpoint.
      expect(await store.removeOlderThan('2026-11-05T00:00:00.000Z')).toEqual({
        removed: 0,
      });
      expect(await knex('agent_mesh_actions_checkpoints')).toHaveLength(1);

      // Removing everything: the chain goes on from the checkpoint.
      const hash10 = await hashOf(10);
      expect(
        await store.removeOlderThan('2027-01-01T00:00:00.000Z', {
          batchSize: 4,
        }),
      ).toMatchObject({ removed: 6, checkpoint: { seq: 10, hash: hash10 } });
      expect(await store.verify()).toEqual({ ok: true, checked: 0 });
      await store.append([newAction('b1', 20), newAction('b2', 21)]);
      const [b1] = (await store.list({ limit: 20 })).reverse();
      expect(b1).toMatchObject({ seq: 11, prevHash: hash10 });
      expect(await store.verify()).toEqual({ ok: true, checked: 2 });
      expect((await store.latestCheckpoint())?.seq).toBe(10);

      // Removing the first action after the checkpoint by hand is still found.
      await knex('agent_mesh_actions').where('seq', 11).delete();
      expect(await store.verify()).toEqual({
        ok: false,
        checked: 1,
        firstBrokenSeq: 11,
        broken: 1,
        brokenSeqs: [11],
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses to remove and checkpoint actions whose links are broken, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseActionStore.create({
        database: { getClient: async () => knex },
      });
      await store.append(
        Array.from({ length: 8 }, (_, i) => newAction(`t${i + 1}`, i + 1)),
      );
      // Someone edits an old action and hopes that retention removes the evidence.
      await knex('agent_mesh_actions')
        .where('seq', 3)
        .update({ summary: 'it never happened' });
      await expect(
        store.removeOlderThan('2026-11-06T00:00:00.000Z', { batchSize: 2 }),
      ).rejects.toThrow(
        'Retention stopped: the action log is broken at seq 3 (edited, missing or reordered); nothing from there on was removed. GET /actions/verify lists every break.',
      );
      // What came before the break went, with its checkpoint; the break is still there to see.
      expect(
        (await store.list({ limit: 20 })).map(a => a.seq).reverse(),
      ).toEqual([3, 4, 5, 6, 7, 8]);
      expect((await store.latestCheckpoint())?.seq).toBe(2);
      expect(await store.verify()).toMatchObject({
        ok: false,
        firstBrokenSeq: 3,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'stops between batches when the scheduler aborts the run, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseActionStore.create({
        database: { getClient: async () => knex },
      });
      await store.append(
        Array.from({ length: 6 }, (_, i) => newAction(`s${i + 1}`, i + 1)),
      );
      const controller = new AbortController();
      controller.abort(new Error('the task timed out'));
      await expect(
        store.removeOlderThan('2027-01-01T00:00:00.000Z', {
          batchSize: 2,
          signal: controller.signal,
        }),
      ).rejects.toThrow('the task timed out');
      expect(await store.list({ limit: 10 })).toHaveLength(6);
      expect(await store.verify()).toEqual({ ok: true, checked: 6 });
    },
  );

  it.each(databases.eachSupportedId())(
    'runs as a scheduled global task, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseActionStore.create({
        database: { getClient: async () => knex },
      });
      const daysAgo = (days: number) =>
        new Date(Date.now() - days * 86_400_000).toISOString();
      await store.append([
        { ...newAction('old', 1), occurredAt: daysAgo(20) },
        { ...newAction('new', 1), occurredAt: daysAgo(1) },
      ]);
      const scheduler = mockServices.scheduler.mock();
      const logger = mockServices.logger.mock();
      await scheduleRetention({
        scheduler,
        store,
        logger,
        retention: {
          maxAge: { days: 10 },
          schedule: { frequency: { hours: 1 }, timeout: { minutes: 5 } },
        },
      });
      expect(scheduler.scheduleTask).toHaveBeenCalledWith(
        expect.objectContaining({
          id: RETENTION_TASK_ID,
          scope: 'global',
          frequency: { hours: 1 },
        }),
      );
      // Run the task as the scheduler would.
      const task = scheduler.scheduleTask.mock.calls[0][0];
      await task.fn(new AbortController().signal);
      expect((await store.list({ limit: 5 })).map(a => a.id)).toEqual(['new']);
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringMatching(/removed 1 action\(s\) that occurred before/),
      );
      // With a fixed clock.
      await runRetention({
        store,
        logger,
        maxAge: { days: 10 },
        now: new Date(Date.now() + 30 * 86_400_000),
      });
      expect(await store.list({ limit: 5 })).toEqual([]);
      expect((await store.latestCheckpoint())?.removed).toBe(1);
      expect(await store.verify()).toEqual({ ok: true, checked: 0 });
    },
  );
});
