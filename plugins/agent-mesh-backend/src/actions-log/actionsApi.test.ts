import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import request from 'supertest';
import { agentMeshPlugin } from '../plugin';
import { externalIdCatalog } from '../__testUtils__/externalIdCatalog';

jest.setTimeout(60_000);

const entities: Entity[] = [
  {
    apiVersion: 'agent-mesh.io/v1alpha1',
    kind: 'Agent',
    metadata: { name: 'sales-aggregator-bot', namespace: 'default' },
    spec: {
      type: 'coding-agent',
      owner: 'brand-a',
      lifecycle: 'production',
      externalIds: ['gen-ai-agent-42', 'svc-sales-bot'],
    },
  },
  {
    apiVersion: 'agent-mesh.io/v1alpha1',
    kind: 'Agent',
    metadata: { name: 'ops-helper', namespace: 'default' },
    spec: {
      type: 'assistant',
      owner: 'group:default/operations',
      lifecycle: 'production',
    },
  },
  {
    apiVersion: 'agent-mesh.io/v1alpha1',
    kind: 'Agent',
    metadata: { name: 'brands-planner', namespace: 'default' },
    spec: { type: 'assistant', owner: 'brands', lifecycle: 'production' },
  },
  // brands > brand-a and brand-b > brand-b-emea (each naming its parent)
  ...[
    { name: 'brands', spec: { children: ['brand-a'] } },
    { name: 'brand-a', spec: { parent: 'brands', children: [] } },
    { name: 'brand-b', spec: { parent: 'brands', children: [] } },
    { name: 'brand-b-emea', spec: { parent: 'group:default/brand-b' } },
    { name: 'operations', spec: { children: [] } },
  ].map(({ name, spec }) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', ...spec },
  })),
  {
    apiVersion: 'agent-mesh.io/v1alpha1',
    kind: 'Agent',
    metadata: { name: 'emea-bot', namespace: 'default' },
    spec: { type: 'assistant', owner: 'brand-b-emea', lifecycle: 'production' },
  },
];

function catalogFactory() {
  return externalIdCatalog(entities).factory;
}

function action(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    occurredAt: '2026-11-20T09:00:00Z',
    agent: 'agent:default/ops-helper',
    type: 'tool.call',
    summary: `action ${id}`,
    ...overrides,
  };
}

describe('actions API', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function start(knex: Knex, extra: any[] = []) {
    const { server } = await startTestBackend({
      features: [
        agentMeshPlugin,
        mockServices.database.factory({ knex }),
        catalogFactory(),
        ...extra,
      ],
    });
    return server;
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let server: Awaited<ReturnType<typeof start>>;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      server = await start(knex);
    });

    beforeEach(async () => {
      await knex('agent_mesh_actions').delete();
    });

    it('includes sub-teams in the owner filter, in pages and in the export', async () => {
      const batch = [
        action('s1', { agent: 'agent:default/sales-aggregator-bot' }),
        action('s2', { agent: 'agent:default/ops-helper' }),
        action('s3', { agent: 'agent:default/brands-planner' }),
        action('s4', { agent: 'agent:default/emea-bot' }),
        action('s5', { agent: 'agent:default/ops-helper' }),
        action('s6', { agent: 'agent:default/emea-bot', type: 'deploy' }),
      ];
      const post = await request(server)
        .post('/api/agent-mesh/actions')
        .send({ actions: batch });
      expect(post.status).toBe(200);

      async function pagedIds(owner: string, extra: Record<string, string>) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const res: request.Response = await request(server)
            .get('/api/agent-mesh/actions')
            .query({
              owner,
              limit: 2,
              ...extra,
              ...(cursor ? { cursor } : {}),
            });
          expect(res.status).toBe(200);
          expect(res.body.items.length).toBeLessThanOrEqual(2);
          seen.push(...res.body.items.map((i: any) => i.id));
          cursor = res.body.nextCursor;
        } while (cursor);
        return seen;
      }
      expect(await pagedIds('group:default/brands', {})).toEqual([
        's6',
        's4',
        's3',
        's1',
      ]);
      expect(await pagedIds('brand-b', {})).toEqual(['s6', 's4']);
      expect(await pagedIds('brand-a', {})).toEqual(['s1']);
      expect(await pagedIds('brands', { type: 'deploy' })).toEqual(['s6']);
      expect(await pagedIds('group:default/nobody', {})).toEqual([]);

      const exported = await request(server)
        .get('/api/agent-mesh/actions/export')
        .query({ format: 'ndjson', owner: 'brands' });
      expect(exported.status).toBe(200);
      expect(
        exported.text
          .trim()
          .split('\n')
          .map(line => JSON.parse(line).id),
      ).toEqual(['s6', 's4', 's3', 's1']);
    });

    it('ingests, resolves against the catalog, filters and pages', async () => {
      const batch = [
        action('a1', {
          agent: 'gen-ai-agent-42',
          target: 'component:default/sales-aggregator',
          onBehalfOf: 'jane',
          inputTokens: 100,
          outputTokens: 20,
          model: 'gpt-x',
          attributes: { 'gen_ai.system': 'openai', nested: { b: 1, a: 2 } },
        }),
        action('a2', { occurredAt: '2026-11-21T09:00:00+02:00' }),
        action('a3', {
          agent: 'mystery-bot',
          type: 'deploy',
          target: 'https://example.com/x',
        }),
        ...Array.from({ length: 7 }, (_, i) => action(`p${i}`)),
      ];
      const post = await request(server)
        .post('/api/agent-mesh/actions')
        .send({ actions: batch });
      expect(post.status).toBe(200);
      expect(post.body).toEqual({
        accepted: 10,
        duplicates: 0,
        duplicateIds: [],
      });

      const byAgent = await request(server).get(
        '/api/agent-mesh/actions?agent=agent:default/sales-aggregator-bot',
      );
      expect(byAgent.status).toBe(200);
      expect(byAgent.body.items).toEqual([
        expect.objectContaining({
          seq: 1,
          id: 'a1',
          agent: 'gen-ai-agent-42',
          agentRef: 'agent:default/sales-aggregator-bot',
          agentKnown: true,
          ownerRef: 'group:default/brand-a',
          target: 'component:default/sales-aggregator',
          targetRef: 'component:default/sales-aggregator',
          onBehalfOf: 'user:default/jane',
          occurredAt: '2026-11-20T09:00:00.000Z',
          inputTokens: 100,
          outputTokens: 20,
          attributes: { 'gen_ai.system': 'openai', nested: { a: 2, b: 1 } },
        }),
      ]);
      expect(byAgent.body.nextCursor).toBeNull();

      const unknown = await request(server).get(
        '/api/agent-mesh/actions?agent=mystery-bot',
      );
      expect(unknown.body.items).toHaveLength(1);
      expect(unknown.body.items[0]).toMatchObject({
        agentKnown: false,
        target: 'https://example.com/x',
      });
      expect(unknown.body.items[0].agentRef).toBeUndefined();
      expect(unknown.body.items[0].targetRef).toBeUndefined();

      const ids = async (qs: string) =>
        (
          await request(server).get(`/api/agent-mesh/actions?${qs}`)
        ).body.items.map((i: any) => i.id);
      expect(await ids('type=deploy')).toEqual(['a3']);
      expect(await ids('owner=group:default/brand-a')).toEqual(['a1']);
      expect(await ids('owner=operations')).toHaveLength(8);
      expect(await ids('target=component:default/sales-aggregator')).toEqual([
        'a1',
      ]);
      expect(
        await ids('since=2026-11-21T00:00:00Z&until=2026-11-21T12:00:00Z'),
      ).toEqual(['a2']);

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: request.Response = await request(server)
          .get('/api/agent-mesh/actions')
          .query({ limit: 3, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((i: any) => i.id));
        cursor = res.body.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(4);
      expect(seen).toEqual(batch.map(a => a.id).reverse());

      expect(
        (await request(server).get('/api/agent-mesh/actions/verify')).body,
      ).toEqual({ ok: true, checked: 10 });
    });

    it('records who wrote each action, and hashes it', async () => {
      await request(server)
        .post('/api/agent-mesh/actions')
        .set('Authorization', mockCredentials.user.header('user:default/jane'))
        .send({ actions: [action('w1')] })
        .expect(200);
      await request(server)
        .post('/api/agent-mesh/actions')
        .set('Authorization', mockCredentials.service.header())
        .send({ actions: [action('w2')] })
        .expect(200);
      const { body } = await request(server).get('/api/agent-mesh/actions');
      expect(
        Object.fromEntries(body.items.map((i: any) => [i.id, i.writer])),
      ).toEqual({
        w1: 'user:default/jane',
        w2: 'service:external:test-service',
      });
      // Claiming another writer afterwards breaks the chain.
      await knex('agent_mesh_actions')
        .where('id', 'w2')
        .update({ writer: 'user:default/someone-else' });
      expect(
        (await request(server).get('/api/agent-mesh/actions/verify')).body,
      ).toMatchObject({ ok: false, brokenSeqs: [body.items[0].seq] });
    });

    it('reports a retried batch as duplicates and writes nothing twice', async () => {
      const batch = [action('r1'), action('r2')];
      await request(server)
        .post('/api/agent-mesh/actions')
        .send({ actions: batch })
        .expect(200);
      const retry = await request(server)
        .post('/api/agent-mesh/actions')
        .send({ actions: [...batch, action('r3')] });
      expect(retry.body).toEqual({
        accepted: 1,
        duplicates: 2,
        duplicateIds: ['r1', 'r2'],
      });
      const [{ count }] = await knex('agent_mesh_actions').count({
        count: '*',
      });
      expect(Number(count)).toBe(3);

      const changed = await request(server)
        .post('/api/agent-mesh/actions')
        .send({ actions: [action('r1', { summary: 'something else' })] });
      expect(changed.status).toBe(409);
    });

    it.each([
      [
        'malformed JSON',
        (r: request.Test) =>
          r.set('Content-Type', 'application/json').send('{"actions": ['),
        400,
        /not valid JSON/,
      ],
      ['no body', (r: request.Test) => r.send({}), 400, /actions is required/],
      [
        'an empty batch',
        (r: request.Test) => r.send({ actions: [] }),
        400,
        /actions must contain at least one action/,
      ],
      [
        'wrong types',
        (r: request.Test) =>
          r.send({ actions: [action('w', { inputTokens: 'many' })] }),
        400,
        /actions\[0\]\.inputTokens must be a number/,
      ],
      [
        'a bad date',
        (r: request.Test) =>
          r.send({
            actions: [action('ok'), action('d', { occurredAt: 'yesterday' })],
          }),
        400,
        /actions\[1\]\.occurredAt must be an ISO 8601 date-time/,
      ],
      [
        'a date far in the future',
        (r: request.Test) =>
          r.send({
            actions: [action('f', { occurredAt: '9999-12-31T00:00:00Z' })],
          }),
        400,
        /actions\[0\]\.occurredAt must not be more than a day ahead of the server's clock/,
      ],
      [
        'an id of the form reserved for OTLP spans',
        (r: request.Test) =>
          r.send({
            actions: [action(`otlp:${'a'.repeat(32)}:${'b'.repeat(16)}`)],
          }),
        400,
        /actions\[0\]\.id must not start with 'otlp:', which is reserved for spans from POST \/v1\/traces/,
      ],
      [
        'a bad user ref',
        (r: request.Test) =>
          r.send({ actions: [action('u', { onBehalfOf: 'user:' })] }),
        400,
        /actions\[0\]\.onBehalfOf must be an entity ref/,
      ],
      [
        'a missing field',
        (r: request.Test) =>
          r.send({ actions: [{ ...action('m'), summary: undefined }] }),
        400,
        /actions\[0\]\.summary is required/,
      ],
      [
        'an unknown field',
        (r: request.Test) =>
          r.send({ actions: [action('x', { summmary: 'typo' })] }),
        400,
        /actions\[0\] has unknown field\(s\) 'summmary'/,
      ],
      [
        'repeated ids',
        (r: request.Test) => r.send({ actions: [action('s'), action('s')] }),
        400,
        /actions\[1\]\.id 's' repeats actions\[0\]\.id/,
      ],
      [
        '1,001 actions',
        (r: request.Test) =>
          r.send({
            actions: Array.from({ length: 1001 }, (_, i) => action(`n${i}`)),
          }),
        413,
        /at most 1000 actions/,
      ],
      [
        'more than 5 MB',
        (r: request.Test) =>
          r.send({
            actions: [action('big', { attributes: { x: 'y'.repeat(6e6) } })],
          }),
        413,
        /at most 5242880 bytes/,
      ],
      [
        'attributes of more than 16 KiB',
        (r: request.Test) =>
          r.send({
            actions: [action('a', { attributes: { x: 'y'.repeat(17_000) } })],
          }),
        400,
        /actions\[0\]\.attributes is \d+ bytes as JSON; at most 16384 bytes are allowed/,
      ],
      [
        'attributes nested more than 8 levels',
        (r: request.Test) => {
          let deep: unknown = 'leaf';
          for (let i = 0; i < 9; i++) deep = { d: deep };
          return r.send({ actions: [action('n', { attributes: deep })] });
        },
        400,
        /actions\[0\]\.attributes nests deeper than 8 levels/,
      ],
      [
        'attributes nested 100,000 levels',
        (r: request.Test) =>
          r
            .set('Content-Type', 'application/json')
            .send(
              `{"actions":[${JSON.stringify(action('n')).slice(
                0,
                -1,
              )},"attributes":${'{"d":'.repeat(100_000)}1${'}'.repeat(
                100_000,
              )}}]}`,
            ),
        400,
        /actions\[0\]\.attributes nests deeper than 8 levels/,
      ],
      [
        'attributes with more than 256 keys',
        (r: request.Test) =>
          r.send({
            actions: [
              action('k', {
                attributes: Object.fromEntries(
                  Array.from({ length: 300 }, (_, i) => [`k${i}`, i]),
                ),
              }),
            ],
          }),
        400,
        /actions\[0\]\.attributes has more than 256 keys/,
      ],
      [
        'a lone UTF-16 surrogate in the summary',
        (r: request.Test) =>
          r.send({ actions: [action('s', { summary: 'half \ud83d here' })] }),
        400,
        /actions\[0\]\.summary is not valid Unicode: a lone UTF-16 surrogate at character 5/,
      ],
      [
        'a lone UTF-16 surrogate in an attribute',
        (r: request.Test) =>
          r.send({
            actions: [action('s', { attributes: { note: { t: '\udc00' } } })],
          }),
        400,
        /actions\[0\]\.attributes\.note\.t is not valid Unicode: a lone UTF-16 surrogate at character 0/,
      ],
      [
        'a NUL character',
        (r: request.Test) =>
          r.send({ actions: [action('z', { summary: 'a\u0000b' })] }),
        400,
        /actions\[0\]\.summary must not contain NUL characters/,
      ],
      [
        'a target entity ref of more than 255 characters',
        (r: request.Test) =>
          r.send({
            actions: [
              action('t', { target: `component:default/${'x'.repeat(250)}` }),
            ],
          }),
        400,
        /actions\[0\]\.target is an entity ref of more than 255 characters/,
      ],
    ])(
      'refuses %s and writes nothing',
      async (_name, send, status, message) => {
        const res = await send(request(server).post('/api/agent-mesh/actions'));
        expect(res.status).toBe(status);
        expect(res.body.error.message).toMatch(message);
        expect(res.body.error.name).toEqual(expect.any(String));
        const [{ count }] = await knex('agent_mesh_actions').count({
          count: '*',
        });
        expect(Number(count)).toBe(0);
      },
    );

    it('refuses bad query parameters', async () => {
      for (const qs of [
        'limit=0',
        'limit=abc',
        'since=yesterday',
        'cursor=nonsense',
        'owner=group:',
        'colour=red',
      ]) {
        const res = await request(server).get(`/api/agent-mesh/actions?${qs}`);
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
      }
    });

    it('needs credentials', async () => {
      const none = mockCredentials.none.header();
      const responses = [
        await request(server)
          .post('/api/agent-mesh/actions')
          .set('Authorization', none)
          .send({ actions: [action('c')] }),
        await request(server)
          .get('/api/agent-mesh/actions')
          .set('Authorization', none),
        await request(server)
          .get('/api/agent-mesh/actions/verify')
          .set('Authorization', none),
      ];
      expect(responses.map(r => r.status)).toEqual([401, 401, 401]);
      expect(responses[0].body.error.name).toBe('AuthenticationError');
    });

    it('verify reports every edited and deleted row, not only the first', async () => {
      await request(server)
        .post('/api/agent-mesh/actions')
        .send({ actions: Array.from({ length: 8 }, (_, i) => action(`v${i}`)) })
        .expect(200);
      const seqOf = async (id: string) =>
        Number((await knex('agent_mesh_actions').where({ id }).first()).seq);
      const [edited, deleted, editedLater] = [
        await seqOf('v2'),
        await seqOf('v4'),
        await seqOf('v6'),
      ];
      await knex('agent_mesh_actions')
        .where('seq', edited)
        .update({ summary: 'rewritten history' });
      await knex('agent_mesh_actions').where('seq', deleted).delete();
      await knex('agent_mesh_actions')
        .where('seq', editedLater)
        .update({ summary: 'and again' });
      expect(
        (await request(server).get('/api/agent-mesh/actions/verify')).body,
      ).toEqual({
        ok: false,
        checked: 7,
        firstBrokenSeq: edited,
        broken: 3,
        brokenSeqs: [edited, deleted, editedLater],
        problems: [
          {
            seq: edited,
            message: `seq ${edited}: its content does not match its hash: it was changed after it was written`,
          },
          { seq: deleted, message: `seq ${deleted}: missing` },
          {
            seq: editedLater,
            message: `seq ${editedLater}: its content does not match its hash: it was changed after it was written`,
          },
        ],
      });
    });

    it('keeps the chain valid for text that is not plain ASCII', async () => {
      await request(server)
        .post('/api/agent-mesh/actions')
        .send({
          actions: [
            action('u1', {
              summary: 'Zusammenfassung 🚀 — 中文 \u2028 ok',
              attributes: { ключ: 'значение 😀', emoji: ['🧪', 'é'] },
            }),
          ],
        })
        .expect(200);
      expect(
        (await request(server).get('/api/agent-mesh/actions/verify')).body,
      ).toEqual({ ok: true, checked: 1 });
    });
  });

  it('answers 403 when the permission policy says no', async () => {
    const knex = await databases.init('SQLITE_3');
    const server = await start(knex, [
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    ]);
    const post = await request(server)
      .post('/api/agent-mesh/actions')
      .send({ actions: [action('denied')] });
    expect(post.status).toBe(403);
    await request(server).get('/api/agent-mesh/actions').expect(403);
  });
});
