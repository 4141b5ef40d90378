import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { generateKeyPairSync } from 'node:crypto';
import { DatabaseActionStore } from './DatabaseActionStore';
import { CheckpointKeys } from './signing/CheckpointKeys';
import {
  readRetentionConfig,
  RETENTION_TASK_ID,
  retentionCut,
  runRetention,
  scheduleRetention,
} from './retention';
import { newAction as actionFixture } from './__testUtils__/newAction';
import { rewriteChainFrom } from './__testUtils__/rewriteChain';

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
      allowUnderSixMonths: false,
      schedule: expect.objectContaining({ frequency: { hours: 1 } }),
    });
    expect(
      readRetentionConfig(
        new ConfigReader({
          agentMesh: {
            actions: {
              retention: {
                maxAge: { months: 6 },
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

  it('refuses less than six months, unless allowed', () => {
    const config = (retention: object) =>
      new ConfigReader({ agentMesh: { actions: { retention } } });
    expect(() => readRetentionConfig(config({ maxAge: { days: 90 } }))).toThrow(
      'agentMesh.actions.retention.maxAge must be at least six months ({ months: 6 }): the EU AI Act asks for the logs of high-risk AI systems to be kept that long (Art. 19 and 26(6)). Where that does not apply, set agentMesh.actions.retention.allowUnderSixMonths: true',
    );
    expect(
      readRetentionConfig(
        config({ maxAge: { days: 90 }, allowUnderSixMonths: true }),
      ),
    ).toMatchObject({ maxAge: { days: 90 }, allowUnderSixMonths: true });
    expect(readRetentionConfig(config({ maxAge: '1y' }))).toMatchObject({
      allowUnderSixMonths: false,
    });
  });

  it('cuts on the calendar, and never within six months unless allowed', () => {
    const now = new Date('2026-08-31T12:00:00.000Z');
    expect(retentionCut(now, { maxAge: { months: 6 } })).toBe(
      '2026-02-28T12:00:00.000Z',
    );
    // 180 days is a little short of six months here: the cut stays six months back.
    expect(retentionCut(now, { maxAge: { days: 180 } })).toBe(
      '2026-02-28T12:00:00.000Z',
    );
    expect(retentionCut(now, { maxAge: { years: 1 } })).toBe(
      '2025-08-31T12:00:00.000Z',
    );
    expect(
      retentionCut(now, { maxAge: { days: 10 }, allowUnderSixMonths: true }),
    ).toBe('2026-08-21T12:00:00.000Z');
  });
});

describe('retention', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'removes a prefix of the chain, checkpoints it, signed, and keeps it verifiable, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const keys = CheckpointKeys.of({
        privateKey: generateKeyPairSync('ed25519').privateKey,
      });
      const store = await DatabaseActionStore.create({
        database: { getClient: async () => knex },
        keys,
      });
      const signed = (checked: number) => ({
        checked,
        signed: checked,
        unsigned: 0,
        signaturesChecked: true,
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
          kind: 'retention',
          seq: 4,
          hash: hash4,
          removed: 4,
          cut: '2026-11-05T00:00:00.000Z',
          createdAt: expect.any(String),
          keyId: keys.describe()[0].keyId,
          signature: expect.any(String),
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
        checkpoints: signed(1),
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
      expect(await store.verify()).toEqual({
        ok: true,
        checked: 0,
        checkpoints: signed(2),
      });
      await store.append([newAction('b1', 20), newAction('b2', 21)]);
      const [b1] = (await store.list({ limit: 20 })).reverse();
      expect(b1).toMatchObject({ seq: 11, prevHash: hash10 });
      expect(await store.verify()).toEqual({
        ok: true,
        checked: 2,
        checkpoints: signed(2),
      });
      expect((await store.latestCheckpoint())?.seq).toBe(10);

      // Removing the first action after the checkpoint by hand is still found.
      await knex('agent_mesh_actions').where('seq', 11).delete();
      expect(await store.verify()).toEqual({
        ok: false,
        checked: 1,
        firstBrokenSeq: 11,
        broken: 1,
        brokenSeqs: [11],
        problems: [
          {
            seq: 11,
            message:
              'seq 11: missing: the chain goes down to seq 12, and no retention checkpoint accounts for the actions before it',
          },
        ],
        checkpoints: signed(2),
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
    'refuses to remove actions that a checkpoint holds another hash for, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseActionStore.create({
        database: { getClient: async () => knex },
        keys: CheckpointKeys.of({
          privateKey: generateKeyPairSync('ed25519').privateKey,
        }),
      });
      const actions = (from: number) =>
        Array.from({ length: 4 }, (_, i) =>
          newAction(`h${from + i}`, from + i),
        );
      await store.append(actions(1));
      await store.recordHead();
      await store.append(actions(5));
      // Every link holds after the rewrite, but the head checkpoint at seq 4 knows better.
      await rewriteChainFrom(knex, store, 3);
      await expect(
        store.removeOlderThan('2026-11-07T00:00:00.000Z'),
      ).rejects.toThrow(
        'Retention stopped: the action log is broken at seq 4 (edited, missing or reordered)',
      );
      expect((await store.latestCheckpoint())?.seq).toBe(3);
      expect((await store.verify()).problems).toEqual([
        {
          seq: 4,
          message: expect.stringMatching(
            /^seq 4: its hash differs from the one the head checkpoint of .* vouches for: the chain up to seq 4 was rewritten$/,
          ),
        },
      ]);
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
        { ...newAction('old', 1), occurredAt: daysAgo(200) },
        { ...newAction('new', 1), occurredAt: daysAgo(1) },
      ]);
      const scheduler = mockServices.scheduler.mock();
      const logger = mockServices.logger.mock();
      await scheduleRetention({
        scheduler,
        store,
        logger,
        retention: {
          maxAge: { months: 6 },
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
        maxAge: { months: 6 },
        now: new Date(Date.now() + 200 * 86_400_000),
      });
      expect(await store.list({ limit: 5 })).toEqual([]);
      expect((await store.latestCheckpoint())?.removed).toBe(1);
      expect(await store.verify()).toEqual({
        ok: true,
        checked: 0,
        // One checkpoint per run that removed something, none signed.
        checkpoints: {
          checked: 2,
          signed: 0,
          unsigned: 2,
          signaturesChecked: false,
        },
      });
    },
  );
});
