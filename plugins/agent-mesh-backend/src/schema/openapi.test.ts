import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Server } from 'node:http';
import { join } from 'node:path';
import request from 'supertest';
import { startAgentMeshPlugin } from '../__testUtils__/startAgentMeshPlugin';
import { mutableCatalog } from '../__testUtils__/mutableCatalog';
import { OVERLAP_RECONCILE_TASK_ID } from '../overlap/schedule';
import { FIRST_SEEN_TASK_ID } from '../overview/recordFirstSeen';
import { OVERVIEW_PAIRS_TASK_ID } from '../overview/refreshOverlapPairs';
import { OVERVIEW_SNAPSHOT_TASK_ID } from '../overview/setupOverview';
import {
  loadExampleEntities,
  withMembershipRelations,
} from '../scorecards/__testUtils__/examples';
import {
  collectRefs,
  documentedRoutes,
  loadOpenApiDocument,
  resolvePointer,
} from './__testUtils__/openApiDocument';
import { registeredRoutes } from './__testUtils__/registeredRoutes';
import {
  createResponseValidator,
  createSchemaValidator,
} from './__testUtils__/responseValidator';
import { HEAD_CHECKPOINT_TASK_ID } from '../actions-log/signing/headCheckpoints';

jest.setTimeout(180_000);

const BASE = '/api/agent-mesh';
const ACTIONS = join(__dirname, '../../../../examples/actions.ndjson');
const DEMO = { since: '2026-10-09', until: '2026-11-20' };
const art = (name: string) => `aiartifact:default/${name}`;

const document = loadOpenApiDocument();
const validateResponse = createResponseValidator(document);
const validateSchema = createSchemaValidator(document);
const SIGNING_KEY = String(
  generateKeyPairSync('ed25519').privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }),
);

async function startPlugin(knex: any, extra: any[] = []) {
  const catalog = mutableCatalog(
    withMembershipRelations(loadExampleEntities()),
  );
  const { server, run } = await startAgentMeshPlugin({
    knex,
    catalog,
    extra: [
      mockServices.rootConfig.factory({
        data: {
          agentMesh: { actions: { signing: { privateKey: SIGNING_KEY } } },
        },
      }),
      ...extra,
    ],
  });
  return { server: server as unknown as Server, run };
}

/** Fails with the validation errors, so that a mismatch says which field. */
function expectDocumented(
  method: string,
  path: string,
  res: request.Response,
  contentType = 'application/json',
) {
  expect({
    route: `${method} ${path} ${res.status}`,
    errors: validateResponse(method, path, res.status, res.body, contentType),
  }).toEqual({ route: `${method} ${path} ${res.status}`, errors: [] });
}

describe('the OpenAPI document', () => {
  it('is an OpenAPI 3.0 document whose references all resolve', () => {
    expect(document.openapi).toBe('3.0.3');
    expect(document.info).toEqual(
      expect.objectContaining({
        title: 'agent-mesh',
        version: expect.any(String),
      }),
    );
    expect(Object.keys(document.paths).length).toBeGreaterThan(0);
    expect(document.components.securitySchemes.bearerAuth).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
    const refs = collectRefs(document);
    expect(refs.length).toBeGreaterThan(0);
    const unresolved = refs.filter(
      ({ ref }) => resolvePointer(document, ref) === undefined,
    );
    expect(unresolved).toEqual([]);
  });

  it('describes every operation for an integrator, with its errors in the Backstage shape', () => {
    const problems: string[] = [];
    const operationIds = new Set<string>();
    for (const route of documentedRoutes(document)) {
      const [method, path] = route.split(' ');
      const operation = document.paths[path][method.toLowerCase()];
      for (const field of ['summary', 'description', 'operationId']) {
        if (typeof operation[field] !== 'string') {
          problems.push(`${route} has no ${field}`);
        }
      }
      if (operationIds.has(operation.operationId)) {
        problems.push(`${route} repeats operationId ${operation.operationId}`);
      }
      operationIds.add(operation.operationId);

      const statuses = Object.keys(operation.responses);
      // Every route but the public health check needs credentials and a permission.
      const expected = operation.security ? ['200'] : ['200', '401', '403'];
      for (const status of expected.filter(s => !statuses.includes(s))) {
        problems.push(`${route} documents no ${status}`);
      }
      for (const status of statuses.filter(s => s.startsWith('4'))) {
        const response = operation.responses[status].$ref
          ? resolvePointer(document, operation.responses[status].$ref)
          : operation.responses[status];
        if (
          (response as any).content?.['application/json']?.schema?.$ref !==
          '#/components/schemas/Error'
        ) {
          problems.push(`${route} ${status} is not the Backstage error shape`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(operationIds.size).toBe(documentedRoutes(document).length);
  });
});

describe('the API as documented', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let server: Server;
    let run: (taskId: string) => Promise<void>;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const plugin = await startPlugin(knex);
      server = plugin.server;
      run = plugin.run;
      await plugin.run(FIRST_SEEN_TASK_ID);
      await plugin.run(OVERLAP_RECONCILE_TASK_ID);
      await plugin.run('agent-mesh-scorecards');
      await plugin.run(OVERVIEW_PAIRS_TASK_ID);
    });

    it('documents exactly the routes the plugin registers', () => {
      const registered = registeredRoutes(server, 'agent-mesh');
      expect(registered.length).toBeGreaterThan(10);
      expect(registered).toEqual(documentedRoutes(document));
    });

    it('accepts each documented query parameter with its documented example', async () => {
      const outcomes: string[] = [];
      for (const route of documentedRoutes(document).filter(r =>
        r.startsWith('GET '),
      )) {
        const path = route.slice(4);
        const parameters: any[] = (
          document.paths[path].get.parameters ?? []
        ).map((p: any) => (p.$ref ? resolvePointer(document, p.$ref) : p));
        const required = Object.fromEntries(
          parameters.filter(p => p.required).map(p => [p.name, p.example]),
        );
        for (const parameter of parameters) {
          const res = await request(server)
            .get(`${BASE}${path}`)
            .query({ ...required, [parameter.name]: parameter.example });
          outcomes.push(
            `${route} ${parameter.name}=${parameter.example}: ${res.status}`,
          );
        }
      }
      expect(outcomes.length).toBeGreaterThan(15);
      expect(outcomes.filter(o => !o.endsWith(': 200'))).toEqual([]);
    });

    it('answers POST /actions and the reads of the log as documented', async () => {
      const actions = readFileSync(ACTIONS, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map(line => JSON.parse(line));
      const posted = await request(server)
        .post(`${BASE}/actions`)
        .send({ actions });
      expect(posted.status).toBe(200);
      expectDocumented('POST', '/actions', posted);
      const again = await request(server)
        .post(`${BASE}/actions`)
        .send({ actions: actions.slice(0, 2) });
      expect(again.body.duplicateIds).toHaveLength(2);
      expectDocumented('POST', '/actions', again);

      const page = await request(server)
        .get(`${BASE}/actions`)
        .query({ limit: '200' });
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(200);
      expect(page.body.nextCursor).toEqual(expect.any(String));
      expectDocumented('GET', '/actions', page);
      const last = await request(server)
        .get(`${BASE}/actions`)
        .query({ type: 'artifact.created', limit: '500' });
      expect(last.body.nextCursor).toBeNull();
      expectDocumented('GET', '/actions', last);

      await run(HEAD_CHECKPOINT_TASK_ID);
      const verify = await request(server).get(`${BASE}/actions/verify`);
      expect(verify.body).toEqual({
        ok: true,
        checked: actions.length,
        checkpoints: {
          checked: 1,
          signed: 1,
          unsigned: 0,
          signaturesChecked: true,
        },
      });
      expectDocumented('GET', '/actions/verify', verify);
      const keys = await request(server).get(`${BASE}/actions/signing-keys`);
      expect(keys.body.keys).toHaveLength(1);
      expectDocumented('GET', '/actions/signing-keys', keys);

      const exportOf = async (format: string) => {
        const res = await request(server)
          .get(`${BASE}/actions/export`)
          .query({ format, type: 'deploy' })
          .buffer(true)
          .parse((stream, done) => {
            let text = '';
            stream.on('data', chunk => (text += chunk));
            stream.on('end', () => done(null, text));
          });
        return {
          status: res.status,
          contentType: res.headers['content-type'].split(';')[0],
          disposition: res.headers['content-disposition'],
          lines: (res.body as string).split(/\r?\n/).filter(Boolean),
        };
      };
      const exportResponse =
        document.paths['/actions/export'].get.responses['200'];
      const documentedTypes = Object.keys(exportResponse.content);

      const ndjson = await exportOf('ndjson');
      expect(ndjson.status).toBe(200);
      expect(documentedTypes).toContain(ndjson.contentType);
      expect(ndjson.disposition).toMatch(/^attachment; filename=".*\.ndjson"$/);
      expect(ndjson.lines.length).toBeGreaterThan(0);
      // Each line is an Action as documented.
      expect(
        ndjson.lines.flatMap(line =>
          validateResponse('GET', '/actions', 200, {
            items: [JSON.parse(line)],
            nextCursor: null,
          }),
        ),
      ).toEqual([]);

      const evidence = await request(server)
        .get(`${BASE}/actions/export`)
        .query({ format: 'ndjson', evidence: 'true' })
        .buffer(true)
        .parse((stream, done) => {
          let text = '';
          stream.on('data', chunk => (text += chunk));
          stream.on('end', () => done(null, text));
        });
      const evidenceLines = (evidence.body as string)
        .split('\n')
        .filter(Boolean)
        .map(line => JSON.parse(line));
      // The actions, the export's checkpoint and the head checkpoint.
      expect(evidenceLines).toHaveLength(actions.length + 2);
      expect(
        evidenceLines.flatMap(line =>
          line.record === 'checkpoint'
            ? validateSchema('ActionCheckpointRecord', line)
            : validateResponse('GET', '/actions', 200, {
                items: [line],
                nextCursor: null,
              }),
        ),
      ).toEqual([]);

      const csv = await exportOf('csv');
      expect(csv.status).toBe(200);
      expect(documentedTypes).toContain(csv.contentType);
      expect(csv.disposition).toMatch(/^attachment; filename=".*\.csv"$/);
      expect(csv.lines).toHaveLength(ndjson.lines.length + 1);
      // The header row has the columns that the description lists, in order.
      const listed = /columns `([^`]+)`/.exec(
        document.paths['/actions/export'].get.description,
      )![1];
      expect(csv.lines[0]).toBe(listed.split(/,\s*/).join(','));
    });

    it('answers POST /v1/traces as documented', async () => {
      const res = await request(server)
        .post(`${BASE}/v1/traces`)
        .send({
          resourceSpans: [
            {
              resource: {
                attributes: [
                  {
                    key: 'service.name',
                    value: { stringValue: 'agent:default/ops-workflow-agent' },
                  },
                ],
              },
              scopeSpans: [
                {
                  spans: [
                    {
                      traceId: '5b8efff798038103d269b633813fc60c',
                      spanId: 'eee19b7ec3c1b174',
                      name: 'execute_tool zendesk',
                      startTimeUnixNano: '1763370000000000000',
                      attributes: [
                        {
                          key: 'gen_ai.operation.name',
                          value: { stringValue: 'execute_tool' },
                        },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        });
      expect(res.status).toBe(200);
      expectDocumented('POST', '/v1/traces', res);

      const text = await request(server)
        .post(`${BASE}/v1/traces`)
        .set('Content-Type', 'text/plain')
        .send('binary');
      expect(text.status).toBe(415);
      expectDocumented('POST', '/v1/traces', text);

      const notProtobuf = await request(server)
        .post(`${BASE}/v1/traces`)
        .set('Content-Type', 'application/x-protobuf')
        .send(Buffer.from('binary'));
      expect(notProtobuf.status).toBe(400);
      expectDocumented('POST', '/v1/traces', notProtobuf);
    });

    it('answers the overlap queries as documented', async () => {
      const overlaps = await request(server)
        .get(`${BASE}/overlaps`)
        .query({ entityRef: art('brand-a-sales-aggregator') });
      expect(overlaps.status).toBe(200);
      expect(overlaps.body.items.length).toBeGreaterThan(1);
      expectDocumented('GET', '/overlaps', overlaps);

      const unknown = await request(server)
        .get(`${BASE}/overlaps`)
        .query({ entityRef: art('no-such-thing') });
      expect(unknown.status).toBe(404);
      expectDocumented('GET', '/overlaps', unknown);

      const similar = await request(server)
        .post(`${BASE}/similar`)
        .send({
          title: 'Sales dashboard',
          description:
            'Aggregates sales from Shopify and Salesforce into one daily revenue report',
          integrations: ['shopify', 'salesforce'],
          owner: 'group:default/marketing',
          limit: 5,
        });
      expect(similar.status).toBe(200);
      expect(similar.body.items.length).toBeGreaterThan(0);
      expectDocumented('POST', '/similar', similar);
    });

    it('answers the scorecard routes as documented', async () => {
      const ref = art('brand-a-sales-aggregator');
      const live = await request(server)
        .get(`${BASE}/scorecards`)
        .query({ entityRef: ref });
      expect(live.status).toBe(200);
      expect(live.body.checks.length).toBeGreaterThan(0);
      expectDocumented('GET', '/scorecards', live);

      const history = await request(server)
        .get(`${BASE}/scorecards/history`)
        .query({ entityRef: ref, limit: '5' });
      expect(history.status).toBe(200);
      expect(history.body.items).toHaveLength(1);
      expectDocumented('GET', '/scorecards/history', history);

      for (const query of [{}, { owner: 'group:default/brand-a' }]) {
        const rollup = await request(server)
          .get(`${BASE}/scorecards/rollup`)
          .query(query);
        expect(rollup.status).toBe(200);
        expect(rollup.body.entityCount).toBeGreaterThan(0);
        expectDocumented('GET', '/scorecards/rollup', rollup);
      }

      const dryRun = await request(server)
        .post(`${BASE}/scorecards/dry-run`)
        .send({
          config: { levels: [{ name: 'gold', minScore: 99 }] },
          entityRefs: [ref],
        });
      expect(dryRun.status).toBe(200);
      expect(dryRun.body.results).toHaveLength(1);
      expectDocumented('POST', '/scorecards/dry-run', dryRun);
    });

    it('answers GET /overview and GET /health as documented', async () => {
      // The overview's read model, with the actions posted above.
      await run(OVERVIEW_SNAPSHOT_TASK_ID);
      await run(OVERVIEW_PAIRS_TASK_ID);
      const overview = await request(server)
        .get(`${BASE}/overview`)
        .query(DEMO);
      expect(overview.status).toBe(200);
      expect(overview.body.overlapClusters.length).toBeGreaterThan(0);
      expect(overview.body.agents.length).toBeGreaterThan(0);
      expect(overview.body.teams.length).toBeGreaterThan(0);
      expect(overview.body.newThisPeriod.length).toBeGreaterThan(0);
      expectDocumented('GET', '/overview', overview);
      const team = await request(server)
        .get(`${BASE}/overview`)
        .query({ owner: 'brand-a', period: '366d' });
      expect(team.status).toBe(200);
      expectDocumented('GET', '/overview', team);

      const health = await request(server)
        .get(`${BASE}/health`)
        .set('Authorization', mockCredentials.none.header());
      expect(health.status).toBe(200);
      expectDocumented('GET', '/health', health);
    });

    it('answers bad input with a documented 400 that names the field', async () => {
      const cases: Array<[string, string, request.Test, RegExp]> = [
        [
          'GET',
          '/overlaps',
          request(server).get(`${BASE}/overlaps`),
          /entityRef/,
        ],
        [
          'POST',
          '/similar',
          request(server).post(`${BASE}/similar`).send({ limit: 3 }),
          /description/,
        ],
        [
          'POST',
          '/actions',
          request(server)
            .post(`${BASE}/actions`)
            .send({ actions: [{ id: 'x' }] }),
          /actions\[0\]\.occurredAt/,
        ],
        [
          'GET',
          '/actions',
          request(server).get(`${BASE}/actions`).query({ limit: 'many' }),
          /limit/,
        ],
        [
          'GET',
          '/overview',
          request(server).get(`${BASE}/overview`).query({ period: '2w' }),
          /period/,
        ],
      ];
      for (const [method, path, req, field] of cases) {
        const res = await req;
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toMatch(field);
        expectDocumented(method, path, res);
      }
    });

    it('answers oversized bodies, unknown entities and conflicting ids with documented errors', async () => {
      const tooLarge = await request(server)
        .post(`${BASE}/similar`)
        .send({ description: 'x'.repeat(70_000) });
      expect(tooLarge.status).toBe(413);
      expectDocumented('POST', '/similar', tooLarge);

      const tooMany = await request(server)
        .post(`${BASE}/actions`)
        .send({
          actions: Array.from({ length: 1001 }, (_, i) => ({
            id: `too-many-${i}`,
            occurredAt: '2026-11-20T10:00:00Z',
            agent: 'agent:default/ops-workflow-agent',
            type: 'tool.call',
            summary: 'one of too many',
          })),
        });
      expect(tooMany.status).toBe(413);
      expectDocumented('POST', '/actions', tooMany);

      const noScorecard = await request(server)
        .get(`${BASE}/scorecards`)
        .query({ entityRef: 'group:default/brand-a' });
      expect(noScorecard.status).toBe(404);
      expectDocumented('GET', '/scorecards', noScorecard);

      const action = {
        id: 'openapi-conflict',
        occurredAt: '2026-11-20T10:00:00Z',
        agent: 'agent:default/ops-workflow-agent',
        type: 'tool.call',
        summary: 'first',
      };
      const first = await request(server)
        .post(`${BASE}/actions`)
        .send({ actions: [action] });
      expect(first.status).toBe(200);
      const conflict = await request(server)
        .post(`${BASE}/actions`)
        .send({ actions: [{ ...action, summary: 'changed' }] });
      expect(conflict.status).toBe(409);
      expectDocumented('POST', '/actions', conflict);
    });
  });

  it('answers without credentials with the documented 401, and without permission with the documented 403', async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startPlugin(knex, [
      mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(() => ({ result: AuthorizeResult.DENY })),
        authorizeConditional: async requests =>
          requests.map(() => ({ result: AuthorizeResult.DENY })),
      }).factory,
    ]);
    for (const route of documentedRoutes(document)) {
      const [method, path] = route.split(' ');
      if (document.paths[path][method.toLowerCase()].security) continue;
      const send = (credentials?: string) => {
        const req =
          method === 'GET'
            ? request(server).get(`${BASE}${path}`)
            : request(server).post(`${BASE}${path}`);
        if (credentials) req.set('Authorization', credentials);
        return method === 'POST' ? req.send({}) : req;
      };
      const none = await send(mockCredentials.none.header());
      expect({ route, status: none.status }).toEqual({ route, status: 401 });
      expectDocumented(method, path, none);
      const denied = await send();
      expect({ route, status: denied.status }).toEqual({ route, status: 403 });
      expectDocumented(method, path, denied);
    }
  });
});

describe('the response check', () => {
  const body = {
    entityRef: art('a'),
    items: [
      {
        entityRef: art('b'),
        title: 'B',
        score: 0.5,
        crossTeam: true,
        kind: 'duplicate',
        acknowledged: false,
        reasons: ['both integrate shopify'],
      },
    ],
  };

  it('accepts a body of the documented shape', () => {
    expect(validateResponse('GET', '/overlaps', 200, body)).toEqual([]);
  });

  it('refuses a body without a documented required field', () => {
    const { reasons: _reasons, ...item } = body.items[0];
    expect(
      validateResponse('GET', '/overlaps', 200, { ...body, items: [item] }),
    ).toEqual([expect.stringMatching(/\/items\/0 .*reasons/)]);
  });

  it('refuses an undocumented field where the shape is closed', () => {
    expect(
      validateResponse('GET', '/overlaps', 200, {
        ...body,
        items: [{ ...body.items[0], weight: 2 }],
      }),
    ).toEqual([expect.stringMatching(/additional properties: weight/)]);
  });

  it('reads nullable as a union with null, and nothing else as null', () => {
    const page = { items: [], nextCursor: null };
    expect(validateResponse('GET', '/actions', 200, page)).toEqual([]);
    expect(
      validateResponse('GET', '/actions/verify', 200, {
        ok: null,
        checked: 1,
      }),
    ).toEqual([expect.stringMatching(/\/ok must be boolean/)]);
  });
});
