import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import request from 'supertest';
import { agentMeshPlugin } from '../plugin';
import { externalIdCatalog } from '../__testUtils__/externalIdCatalog';

jest.setTimeout(60_000);

const GUID = '7f3c2a9e-1b4d-4c8a-9f0e-2d6b8a1c3e5f';
const CODER = 'agent:default/brand-a-coder';

const entities: Entity[] = [
  {
    apiVersion: 'agent-mesh.io/v1alpha1',
    kind: 'Agent',
    metadata: { name: 'brand-a-coder' },
    spec: {
      type: 'coding-agent',
      owner: 'group:default/brand-a',
      lifecycle: 'production',
      sponsor: 'user:default/jane',
      externalIds: [
        `entra:${GUID}`,
        'aws-agentcore:brand-a-coder',
        'otel-service:brand-a-svc',
        'ci-ingest',
      ],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'brand-a' },
    spec: { type: 'team', children: [] },
  },
];

const action = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  occurredAt: '2026-11-20T09:00:00Z',
  agent: CODER,
  type: 'deploy',
  summary: `action ${id}`,
  ...overrides,
});

const bearer = (token: string) => `Bearer ${token}`;
const janeOwnToken = mockCredentials.user.header('user:default/jane');
/** Jane's credentials as another service passes them on (Backstage's on-behalf-of tokens). */
const janeThroughCi = bearer(
  mockCredentials.user.token('user:default/jane', {
    actor: { subject: 'ci-ingest' },
  }),
);
/** An Entra-issued token through a JWKS external-access method with `subjectPrefix: entra`. */
const entraAgent = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service(`external:entra:${GUID}`),
  targetPluginId: 'agent-mesh',
});

/** A span as the MCP actions backend opens it around a tool call (`tools/call <tool>`). */
function mcpToolSpan(options: { failed: boolean }) {
  const attr = (key: string, value: string) => ({
    key,
    value: { stringValue: value },
  });
  return {
    resourceSpans: [
      {
        resource: { attributes: [attr('service.name', 'brand-a-svc')] },
        scopeSpans: [
          {
            scope: { name: 'mcp-actions' },
            spans: [
              {
                traceId: '0af7651916cd43dd8448eb211c80319c',
                spanId: 'b7ad6b7169203331',
                name: 'tools/call catalog.get-catalog-entity',
                kind: 2,
                startTimeUnixNano: '1763629200000000000',
                endTimeUnixNano: '1763629200250000000',
                attributes: [
                  attr('mcp.method.name', 'tools/call'),
                  attr('gen_ai.tool.name', 'catalog.get-catalog-entity'),
                  attr('gen_ai.operation.name', 'execute_tool'),
                  attr('backstage.principal.type', 'user'),
                  attr('enduser.id', 'user:default/jane'),
                ],
                status: options.failed
                  ? { code: 2, message: 'tool_error' }
                  : { code: 1 },
              },
            ],
          },
        ],
      },
    ],
  };
}

describe('identity binding and the principal of an action', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      ({ server } = await startTestBackend({
        features: [
          agentMeshPlugin,
          mockServices.database.factory({ knex }),
          externalIdCatalog(entities).factory,
        ],
      }));
    });

    beforeEach(async () => {
      await knex('agent_mesh_actions').delete();
    });

    const post = (auth: string, actions: object[]) =>
      request(server)
        .post('/api/agent-mesh/actions')
        .set('Authorization', auth)
        .send({ actions });
    const stored = async (query: Record<string, string> = {}) => {
      const res = await request(server)
        .get('/api/agent-mesh/actions')
        .query(query);
      expect(res.status).toBe(200);
      return res.body.items as any[];
    };

    it('resolves typed ids (any case of the type) to the Agent that claims them', async () => {
      const res = await post(mockCredentials.service.header(), [
        action('e1', { agent: `Entra:${GUID.toUpperCase()}` }),
        action('e2', { agent: 'aws-agentcore:brand-a-coder' }),
        action('e3', { agent: `entra:00000000-0000-4000-8000-000000000000` }),
      ]);
      expect(res.status).toBe(200);
      const byId = Object.fromEntries((await stored()).map(a => [a.id, a]));
      for (const id of ['e1', 'e2']) {
        expect(byId[id]).toMatchObject({
          agentRef: CODER,
          agentKnown: true,
          ownerRef: 'group:default/brand-a',
        });
      }
      expect(byId.e1.agent).toBe(`Entra:${GUID.toUpperCase()}`);
      expect(byId.e3).toMatchObject({ agentKnown: false });
      expect(byId.e3.agentRef).toBeUndefined();
    });

    it("resolves a span's service.name through an Agent's otel-service: id, and reads the MCP backend's tool-call spans", async () => {
      const res = await request(server)
        .post('/api/agent-mesh/v1/traces')
        .set('Authorization', mockCredentials.service.header())
        .send(mcpToolSpan({ failed: true }));
      expect(res.status).toBe(200);
      expect(res.body.partialSuccess.rejectedSpans).toBe(0);
      expect(await stored()).toEqual([
        expect.objectContaining({
          type: 'tool.call',
          agent: 'otel-service:brand-a-svc',
          agentRef: CODER,
          onBehalfOf: 'user:default/jane',
          status: 'failure',
          summary: expect.stringContaining('catalog.get-catalog-entity'),
        }),
      ]);
    });

    it('takes the agent from a service principal when the action names none, as a typed id for external access', async () => {
      const res = await post(entraAgent, [action('s1', { agent: undefined })]);
      expect(res.status).toBe(200);
      const [item] = await stored();
      expect(item).toMatchObject({
        id: 's1',
        agent: `entra:${GUID}`,
        agentRef: CODER,
        ownerRef: 'group:default/brand-a',
        writer: `service:external:entra:${GUID}`,
      });
      expect(item.onBehalfOf).toBeUndefined();
    });

    it("records the user of a user's credentials as onBehalfOf, and the service that passed them on as the agent", async () => {
      expect(
        (
          await post(janeOwnToken, [
            action('u1'),
            action('u2', { onBehalfOf: 'bob' }),
          ])
        ).status,
      ).toBe(200);
      expect(
        (await post(janeThroughCi, [action('u3', { agent: undefined })]))
          .status,
      ).toBe(200);
      const byId = Object.fromEntries((await stored()).map(a => [a.id, a]));
      expect(byId.u1).toMatchObject({
        agent: CODER,
        onBehalfOf: 'user:default/jane',
        writer: 'user:default/jane',
      });
      // what the action says wins over the credentials
      expect(byId.u2.onBehalfOf).toBe('user:default/bob');
      expect(byId.u3).toMatchObject({
        agent: 'ci-ingest',
        agentRef: CODER,
        onBehalfOf: 'user:default/jane',
      });
    });

    it("refuses an action without agent when the credentials are a user's own, and writes nothing of the batch", async () => {
      const res = await post(janeOwnToken, [
        action('n1'),
        action('n2', { agent: undefined }),
      ]);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        "actions[1].agent is required: the credentials name no acting agent (a user's own token does not say which client holds it)",
      );
      expect(await stored()).toEqual([]);
    });

    it('filters the list and the export by the user an action was for', async () => {
      await post(mockCredentials.service.header(), [
        action('f1', { onBehalfOf: 'user:default/jane' }),
        action('f2', { onBehalfOf: 'bob' }),
        action('f3'),
      ]);
      await post(janeOwnToken, [action('f4')]);
      expect((await stored({ onBehalfOf: 'jane' })).map(a => a.id)).toEqual([
        'f4',
        'f1',
      ]);
      expect(
        (await stored({ onBehalfOf: 'User:default/Bob' })).map(a => a.id),
      ).toEqual(['f2']);
      expect(await stored({ onBehalfOf: 'user:default/nobody' })).toEqual([]);

      const bad = await request(server)
        .get('/api/agent-mesh/actions')
        .query({ onBehalfOf: 'a b' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toBe(
        'onBehalfOf must be an entity ref, e.g. user:default/jane',
      );

      const csv = await request(server)
        .get('/api/agent-mesh/actions/export')
        .query({ format: 'csv', onBehalfOf: 'user:default/jane' });
      expect(csv.status).toBe(200);
      const [header, ...rows] = csv.text.trim().split('\r\n');
      const columns = header.split(',');
      const cell = (row: string, name: string) =>
        row.split(',')[columns.indexOf(name)];
      expect(rows.map(r => cell(r, 'id'))).toEqual(['f4', 'f1']);
      expect(rows.map(r => cell(r, 'agent'))).toEqual([CODER, CODER]);
      expect(rows.map(r => cell(r, 'onBehalfOf'))).toEqual([
        'user:default/jane',
        'user:default/jane',
      ]);

      const ndjson = await request(server)
        .get('/api/agent-mesh/actions/export')
        .query({ format: 'ndjson', onBehalfOf: 'bob' });
      expect(
        ndjson.text
          .trim()
          .split('\n')
          .map(line => JSON.parse(line))
          .map(a => [a.id, a.agent, a.onBehalfOf]),
      ).toEqual([['f2', CODER, 'user:default/bob']]);
    });
  });
});
