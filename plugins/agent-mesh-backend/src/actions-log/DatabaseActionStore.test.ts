import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { DatabaseActionStore } from './DatabaseActionStore';
import { newAction } from './__testUtils__/newAction';

jest.setTimeout(60_000);

function databaseOf(knex: Knex) {
  return { getClient: async () => knex };
}

describe('DatabaseActionStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'migrates up and down, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await DatabaseActionStore.create({ database: databaseOf(knex) });
      expect(await knex.schema.hasTable('agent_mesh_actions')).toBe(true);
      await knex.migrate.rollback(
        { directory: `${__dirname}/../../migrations` },
        true,
      );
      expect(await knex.schema.hasTable('agent_mesh_actions')).toBe(false);
    },
  );

  it.each(databases.eachSupportedId())(
    'appends, reports duplicates and refuses changed content, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseActionStore.create({
        database: databaseOf(knex),
      });
      expect(await store.append([newAction('a'), newAction('b')])).toEqual({
        accepted: ['a', 'b'],
        duplicates: [],
      });
      expect(await store.append([newAction('b'), newAction('c')])).toEqual({
        accepted: ['c'],
        duplicates: ['b'],
      });
      await expect(
        store.append([newAction('d'), newAction('a', { summary: 'other' })]),
      ).rejects.toThrow(
        "Action id 'a' is already stored with different content",
      );
      const all = await store.list({ limit: 10 });
      expect(all.map(a => [a.seq, a.id])).toEqual([
        [3, 'c'],
        [2, 'b'],
        [1, 'a'],
      ]);
      expect(all[2]).toMatchObject({
        agentKnown: true,
        inputTokens: 12,
        outputTokens: null,
        attributes: '{"k":"v"}',
      });
      expect(all[0].prevHash).toBe(all[1].hash);
      expect(await store.verify()).toEqual({ ok: true, checked: 3 });
    },
  );

  it.each(databases.eachSupportedId())(
    'filters and pages newest first, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseActionStore.create({
        database: databaseOf(knex),
      });
      await store.append([
        newAction('1', { type: 'deploy' }),
        newAction('2', {
          agent: 'bot-7',
          agentRef: null,
          agentKnown: false,
          ownerRef: null,
          occurredAt: '2026-11-25T10:00:00.000Z',
        }),
        newAction('3', {
          target: 'component:default/shop',
          targetRef: 'component:default/shop',
        }),
      ]);
      const ids = async (q: object) =>
        (await store.list({ limit: 10, ...q })).map(a => a.id);
      expect(await ids({ type: 'deploy' })).toEqual(['1']);
      expect(await ids({ agent: 'bot-7' })).toEqual(['2']);
      expect(
        await ids({ agentRef: 'agent:default/coder', agent: 'coder' }),
      ).toEqual(['3', '1']);
      expect(await ids({ targetRef: 'component:default/shop' })).toEqual(['3']);
      expect(await ids({ ownerRefs: ['group:default/platform'] })).toEqual([
        '3',
        '1',
      ]);
      expect(
        await ids({ ownerRefs: ['group:default/platform', 'group:default/x'] }),
      ).toEqual(['3', '1']);
      expect(await ids({ ownerRefs: [] })).toEqual([]);
      expect(await ids({ since: '2026-11-25T00:00:00.000Z' })).toEqual(['2']);
      expect(await ids({ until: '2026-11-25T00:00:00.000Z' })).toEqual([
        '3',
        '1',
      ]);
      expect(await ids({ limit: 2 })).toEqual(['3', '2']);
      expect(await ids({ limit: 2, beforeSeq: 2 })).toEqual(['1']);
    },
  );

  it.each(databases.eachSupportedId())(
    'verify finds an edited row and a deleted row, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseActionStore.create({
        database: databaseOf(knex),
      });
      const batch = Array.from({ length: 25 }, (_, i) => newAction(`x${i}`));
      await store.append(batch);
      expect(await store.verify({ pageSize: 7 })).toEqual({
        ok: true,
        checked: 25,
      });

      await knex('agent_mesh_actions')
        .where('seq', 12)
        .update({ summary: 'nothing to see' });
      expect(await store.verify({ pageSize: 7 })).toEqual({
        ok: false,
        checked: 25,
        firstBrokenSeq: 12,
        broken: 1,
        brokenSeqs: [12],
        problems: [
          {
            seq: 12,
            message:
              'seq 12: its content does not match its hash: it was changed after it was written',
          },
        ],
      });
      await knex('agent_mesh_actions')
        .where('seq', 12)
        .update({ summary: 'did x11' });
      expect((await store.verify()).ok).toBe(true);

      await knex('agent_mesh_actions').where('seq', 20).delete();
      expect(await store.verify({ pageSize: 7 })).toEqual({
        ok: false,
        checked: 24,
        firstBrokenSeq: 20,
        broken: 1,
        brokenSeqs: [20],
        problems: [{ seq: 20, message: 'seq 20: missing' }],
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'is all or nothing, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseActionStore.create({
        database: databaseOf(knex),
      });
      await store.append([newAction('a')]);
      await expect(
        store.append([newAction('b'), newAction('a', { summary: 'changed' })]),
      ).rejects.toThrow();
      expect((await store.list({ limit: 10 })).map(a => a.id)).toEqual(['a']);
    },
  );

  it('keeps one valid chain with two stores writing concurrently to one PostgreSQL', async () => {
    if (!databases.eachSupportedId().some(([id]) => id === 'POSTGRES_15')) {
      return; // PostgreSQL is not available here
    }
    const knexA = await databases.init('POSTGRES_15');
    // A second pool on the same database, as a second backend replica would have.
    const knexB = knexFactory(knexA.client.config);
    try {
      const storeA = await DatabaseActionStore.create({
        database: databaseOf(knexA),
      });
      const storeB = await DatabaseActionStore.create({
        database: databaseOf(knexB),
      });
      const batches = Array.from({ length: 40 }, (_, b) =>
        Array.from({ length: 25 }, (__, i) => newAction(`b${b}-${i}`)),
      );
      // Every batch is sent to both replicas, as a retrying client might do.
      const results = await Promise.all(
        batches.flatMap((batch, b) => [
          (b % 2 ? storeA : storeB).append(batch),
          (b % 2 ? storeB : storeA).append(batch),
        ]),
      );
      const accepted = results.flatMap(r => r.accepted);
      expect(accepted.length).toBe(1000);
      expect(new Set(accepted).size).toBe(1000);
      expect(results.flatMap(r => r.duplicates).length).toBe(1000);
      const [{ count }] = await knexA('agent_mesh_actions').count({
        count: '*',
      });
      expect(Number(count)).toBe(1000);
      expect(await storeB.verify()).toEqual({ ok: true, checked: 1000 });
    } finally {
      await knexB.destroy();
    }
  });
});

describe('DatabaseActionStore chain lock on PostgreSQL', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  it('gives up waiting after the lock timeout with a retryable error, and writes nothing', async () => {
    if (databases.eachSupportedId().length === 0) {
      return; // PostgreSQL is not available here
    }
    const knex = await databases.init('POSTGRES_15');
    const store = await DatabaseActionStore.create({
      database: databaseOf(knex),
      lockTimeoutMs: 300,
    });
    await store.append([newAction('before')]);
    // Another writer (a stuck replica) holds the chain.
    const holder = await knex.client.acquireConnection();
    try {
      await knex
        .raw('SELECT pg_advisory_lock(?)', [0x4147_4d45_5348])
        .connection(holder);
      const started = Date.now();
      await expect(store.append([newAction('blocked')])).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
        message:
          'The action log is busy: another writer has held it for 300 ms; nothing was written, retry',
      });
      expect(Date.now() - started).toBeLessThan(20_000);
      await knex
        .raw('SELECT pg_advisory_unlock(?)', [0x4147_4d45_5348])
        .connection(holder);
    } finally {
      await knex.client.releaseConnection(holder);
    }
    await store.append([newAction('after')]);
    expect((await store.list({ limit: 10 })).map(a => a.id)).toEqual([
      'after',
      'before',
    ]);
    expect(await store.verify()).toEqual({ ok: true, checked: 2 });
  });
});

describe('DatabaseActionStore.lastActivity', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'finds the newest action by agent, target or owner, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseActionStore.create({
        database: databaseOf(knex),
      });
      await store.append([
        newAction('1', { occurredAt: '2026-11-01T10:00:00.000Z' }),
        // Written later but happened earlier: occurredAt decides, not seq.
        newAction('2', {
          occurredAt: '2026-10-01T10:00:00.000Z',
          target: 'component:default/shop',
          targetRef: 'component:default/shop',
        }),
        newAction('3', {
          occurredAt: '2026-11-05T10:00:00.000Z',
          agent: 'other',
          agentRef: 'agent:default/other',
          ownerRef: 'group:default/brand-a',
          target: 'component:default/shop',
          targetRef: 'component:default/shop',
        }),
      ]);
      const last = await store.lastActivity([
        'agent:default/coder',
        'Component:default/Shop',
        'group:default/platform',
        'group:default/brand-a',
        'agent:default/idle',
      ]);
      expect(Object.fromEntries(last)).toEqual({
        'agent:default/coder': '2026-11-01T10:00:00.000Z',
        'Component:default/Shop': '2026-11-05T10:00:00.000Z',
        'group:default/platform': '2026-11-01T10:00:00.000Z',
        'group:default/brand-a': '2026-11-05T10:00:00.000Z',
      });
      expect((await store.lastActivity([])).size).toBe(0);
      const many = Array.from(
        { length: 1200 },
        (_, i) => `agent:default/a${i}`,
      );
      expect(
        (await store.lastActivity([...many, 'agent:default/other'])).get(
          'agent:default/other',
        ),
      ).toBe('2026-11-05T10:00:00.000Z');
    },
  );
});

describe('DatabaseActionStore.hasActivityAt', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'tells which (entity, time) pairs are the time of an action that the access criteria let through, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseActionStore.create({
        database: databaseOf(knex),
      });
      const BRAND_A = 'group:default/brand-a';
      await store.append([
        newAction('own', {
          occurredAt: '2026-11-01T10:00:00.000Z',
          ownerRef: BRAND_A,
          target: 'component:default/shop',
          targetRef: 'component:default/shop',
        }),
        newAction('foreign', {
          occurredAt: '2026-11-05T10:00:00.000Z',
          agent: 'other',
          agentRef: 'agent:default/other',
          ownerRef: 'group:default/brand-b',
          target: 'component:default/shop',
          targetRef: 'component:default/shop',
        }),
      ]);
      const items = [
        { entityRef: 'Component:default/Shop', at: '2026-11-01T10:00:00.000Z' },
        { entityRef: 'component:default/shop', at: '2026-11-05T10:00:00.000Z' },
        { entityRef: 'agent:default/coder', at: '2026-11-01T10:00:00.000Z' },
        { entityRef: BRAND_A, at: '2026-11-01T10:00:00.000Z' },
        // The right time, the wrong entity; the right entity, no action then.
        { entityRef: 'agent:default/coder', at: '2026-11-05T10:00:00.000Z' },
        { entityRef: 'component:default/shop', at: '2026-11-02T10:00:00.000Z' },
      ];
      expect(await store.hasActivityAt(items)).toEqual([
        true,
        true,
        true,
        true,
        false,
        false,
      ]);
      const access = {
        property: 'ownerRef' as const,
        values: [BRAND_A],
        includeSubTeams: false,
      };
      expect(await store.hasActivityAt(items, { access })).toEqual([
        true,
        false,
        true,
        true,
        false,
        false,
      ]);
      expect(await store.hasActivityAt([])).toEqual([]);
    },
  );
});
