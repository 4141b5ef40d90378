import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemorySpanExporter,
  ReadableSpan,
  SimpleSpanProcessor,
  SpanExporter,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Knex } from 'knex';
import request from 'supertest';
import { agentMeshPlugin } from '../plugin';
import {
  actionTypeOf,
  fromKeyValues,
  parseExportTraceServiceRequest,
  toHexId,
} from './otlp';

jest.setTimeout(60_000);

/*
 * The OTLP exporter loads `http` with a dynamic `import()`, which Jest's CommonJS runtime cannot do
 * without --experimental-vm-modules. Only that loading is replaced: the transport is the
 * exporter's own, handed `http.request` and an agent up front. Everything else (serialisation,
 * headers, response handling) is the real exporter's.
 */
jest.mock(
  require('node:path').join(
    require.resolve('@opentelemetry/otlp-exporter-base/node-http'),
    '../transport/http-exporter-transport.cjs',
  ),
  () => {
    const actual = jest.requireActual(
      require('node:path').join(
        require.resolve('@opentelemetry/otlp-exporter-base/node-http'),
        '../transport/http-exporter-transport.cjs',
      ),
    );
    const http = jest.requireActual('node:http');
    return {
      createHttpExporterTransport(parameters: unknown) {
        const transport = actual.createHttpExporterTransport(parameters);
        transport._utils = { agent: new http.Agent(), request: http.request };
        return transport;
      },
    };
  },
);

const TRACE = '5b8efff798038103d269b633813fc60c';
const SPAN = 'eee19b7ec3c1b174';

function otlpSpan(overrides: Record<string, unknown> = {}) {
  return {
    traceId: TRACE,
    spanId: SPAN,
    name: 'execute_tool search',
    kind: 3,
    startTimeUnixNano: '1763974800123456789',
    endTimeUnixNano: '1763974801000000000',
    attributes: [
      { key: 'gen_ai.operation.name', value: { stringValue: 'execute_tool' } },
      { key: 'gen_ai.tool.name', value: { stringValue: 'web.search' } },
      { key: 'gen_ai.usage.input_tokens', value: { intValue: '42' } },
    ],
    status: {},
    ...overrides,
  };
}

function otlpBody(spans: unknown[], resource: unknown[] = []) {
  return {
    resourceSpans: [
      {
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: 'coder-svc' } },
            ...resource,
          ],
        },
        scopeSpans: [{ scope: { name: 'test' }, spans }],
      },
    ],
  };
}

describe('OTLP parsing', () => {
  it('reads every kind of AnyValue', () => {
    expect(
      fromKeyValues(
        [
          { key: 's', value: { stringValue: 'x' } },
          { key: 'b', value: { boolValue: true } },
          { key: 'i', value: { intValue: '7' } },
          { key: 'big', value: { intValue: '9007199254740993' } },
          { key: 'd', value: { doubleValue: 1.5 } },
          {
            key: 'a',
            value: { arrayValue: { values: [{ intValue: 1 }, {}] } },
          },
          {
            key: 'kv',
            value: {
              kvlistValue: {
                values: [{ key: 'k', value: { stringValue: 'v' } }],
              },
            },
          },
          { key: 'bytes', value: { bytesValue: 'AQI=' } },
          { key: 'none' },
        ],
        'attributes',
      ),
    ).toEqual({
      s: 'x',
      b: true,
      i: 7,
      big: '9007199254740993',
      d: 1.5,
      a: [1, null],
      kv: { k: 'v' },
      bytes: 'AQI=',
      none: null,
    });
  });

  it('reads ids as hex or base64', () => {
    expect(toHexId(TRACE.toUpperCase(), 16, 'traceId')).toBe(TRACE);
    expect(
      toHexId(Buffer.from(TRACE, 'hex').toString('base64'), 16, 'traceId'),
    ).toBe(TRACE);
    expect(toHexId(Buffer.from(SPAN, 'hex').toString('base64'), 8, 's')).toBe(
      SPAN,
    );
    expect(() => toHexId('abc', 16, 'traceId')).toThrow(
      'traceId must be 32 hex digits',
    );
    expect(() => toHexId('0'.repeat(32), 16, 'traceId')).toThrow('all zeros');
  });

  it.each([
    [{ 'gen_ai.operation.name': 'execute_tool' }, 'tool.call'],
    [{ 'gen_ai.operation.name': 'invoke_agent' }, 'agent.invoke'],
    [{ 'gen_ai.operation.name': 'chat' }, 'gen_ai.chat'],
    [{ 'gen_ai.request.model': 'x' }, 'gen_ai.span'],
    [
      { 'deployment.environment.name': 'prod', 'cicd.pipeline.name': 'p' },
      'deploy',
    ],
    [{ 'cicd.pipeline.name': 'release' }, 'ci.run'],
    [{ 'vcs.change.state': 'merged', 'vcs.change.id': '1' }, 'pr.merged'],
    [{ 'vcs.change.state': 'open' }, 'pr.opened'],
    [{ 'vcs.ref.head.revision': 'abc' }, 'repo.commit'],
    [{ 'vcs.repository.url.full': 'https://x' }, 'repo.change'],
    [{ 'http.request.method': 'GET' }, undefined],
  ])('types %j as %p', (attributes, type) => {
    expect(actionTypeOf(attributes)).toBe(type);
  });

  it('maps a span, keeps unknown attributes, ignores and rejects', () => {
    const result = parseExportTraceServiceRequest(
      otlpBody(
        [
          otlpSpan({
            status: { code: 2, message: 'timeout' },
            attributes: [
              ...otlpSpan().attributes,
              { key: 'gen_ai.agent.id', value: { stringValue: 'coder-7' } },
              {
                key: 'gen_ai.response.model',
                value: { stringValue: 'gpt-x' },
              },
              { key: 'custom', value: { boolValue: true } },
              { key: 'enduser.id', value: { stringValue: 'jane' } },
            ],
            parentSpanId: 'AQIDBAUGBwg=',
          }),
          otlpSpan({ spanId: 'aaaaaaaaaaaaaaaa', attributes: [] }),
          otlpSpan({ spanId: 'bad' }),
          otlpSpan({ spanId: 'bbbbbbbbbbbbbbbb', startTimeUnixNano: 'x' }),
          otlpSpan({
            spanId: 'cccccccccccccccc',
            attributes: [
              { key: 'gen_ai.usage.output_tokens', value: { intValue: -3 } },
            ],
          }),
          otlpSpan(), // the first span again
        ],
        [{ key: 'process.pid', value: { intValue: 1 } }],
      ),
    );
    expect(result.ignored).toBe(2);
    expect(result.rejected).toEqual([
      'resourceSpans[0].scopeSpans[0].spans[2].spanId must be 16 hex digits (or 8 bytes in base64)',
      'resourceSpans[0].scopeSpans[0].spans[3].startTimeUnixNano must be a positive time in unix nanoseconds',
      'resourceSpans[0].scopeSpans[0].spans[4]: outputTokens must not be negative',
    ]);
    expect(result.actions).toHaveLength(1);
    expect(result.actions[0].agentCandidates).toEqual([
      'coder-7',
      'coder-svc',
      'otel-service:coder-svc',
    ]);
    expect(result.actions[0].input).toEqual({
      id: `otlp:${TRACE}:${SPAN}`,
      occurredAt: '2025-11-24T09:00:00.123Z',
      agent: 'coder-7',
      type: 'tool.call',
      onBehalfOf: 'jane',
      summary: 'execute_tool search: tool web.search, failed: timeout',
      status: 'failure',
      traceId: TRACE,
      spanId: SPAN,
      model: 'gpt-x',
      inputTokens: 42,
      attributes: {
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': 'web.search',
        'gen_ai.usage.input_tokens': 42,
        'gen_ai.agent.id': 'coder-7',
        'gen_ai.response.model': 'gpt-x',
        custom: true,
        'enduser.id': 'jane',
        'otel.resource': { 'service.name': 'coder-svc' },
        'otel.span.name': 'execute_tool search',
        'otel.span.kind': 3,
        'otel.parent_span_id': '0102030405060708',
        'otel.scope.name': 'test',
        'otel.end_time': '2025-11-24T09:00:01.000Z',
      },
    });
  });

  it('stores text as hashed and cuts attributes down to the limits', () => {
    const result = parseExportTraceServiceRequest(
      otlpBody([
        otlpSpan({
          name: `execute_tool half \ud83d pair`,
          attributes: [
            ...otlpSpan().attributes,
            { key: 'note', value: { stringValue: 'nul\u0000here' } },
            // a prompt far beyond the limit
            {
              key: 'gen_ai.input.messages',
              value: { stringValue: 'p'.repeat(40_000) },
            },
            { key: 'small', value: { intValue: 1 } },
          ],
        }),
      ]),
    );
    expect(result.rejected).toEqual([]);
    const { input } = result.actions[0];
    expect(input.summary).toBe(
      'execute_tool half \ufffd pair: tool web.search',
    );
    expect(input.attributes).toMatchObject({
      note: 'nul\ufffdhere',
      small: 1,
      'gen_ai.tool.name': 'web.search',
      'otel.dropped_attributes': ['gen_ai.input.messages'],
    });
    expect(input.attributes).not.toHaveProperty('gen_ai.input.messages');
  });

  it.each([
    [null, 'must be an ExportTraceServiceRequest JSON object'],
    [{ resourceSpans: {} }, 'resourceSpans must be an array'],
    [{ resourceSpans: [{ scopeSpans: 1 }] }, 'scopeSpans must be an array'],
  ])('refuses the body %j', (body, message) => {
    expect(() => parseExportTraceServiceRequest(body)).toThrow(message);
  });
});

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
];

/** Every external-id look-up the catalog is asked for, and the most at once. */
const lookups = jest.fn();
let runningLookups = 0;
let maxConcurrentLookups = 0;

/** The in-memory catalog, matching `spec.externalIds` as the real catalog does. */
function catalogFactory() {
  const inMemory = catalogServiceMock({ entities });
  return catalogServiceMock.mock({
    getEntityByRef: (ref, options) => inMemory.getEntityByRef(ref, options),
    getEntities: async req => {
      // One filter or several (an Agent or an AiResource agent with that id).
      const id = [req?.filter]
        .flat()
        .map(
          f => (f as Record<string, unknown> | undefined)?.['spec.externalIds'],
        )
        .find(v => v !== undefined);
      lookups(String(id));
      runningLookups += 1;
      maxConcurrentLookups = Math.max(maxConcurrentLookups, runningLookups);
      await new Promise(r => setTimeout(r, 1));
      runningLookups -= 1;
      return {
        items: entities.filter(e =>
          ((e.spec?.externalIds as string[]) ?? []).includes(String(id)),
        ),
      };
    },
  }).factory;
}

describe('POST /v1/traces', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let server: Server;
    let url: string;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      ({ server } = await startTestBackend({
        features: [
          agentMeshPlugin,
          mockServices.database.factory({ knex }),
          catalogFactory(),
        ],
      }));
      const { port } = server.address() as AddressInfo;
      url = `http://localhost:${port}/api/agent-mesh/v1/traces`;
    });

    beforeEach(async () => {
      await knex('agent_mesh_actions').delete();
    });

    function exportWith(exporter: SpanExporter, spans: ReadableSpan[]) {
      return new Promise<{ code: number; error?: Error }>(resolve =>
        exporter.export(spans, resolve),
      );
    }

    it.each([
      ['http/json', JsonTraceExporter],
      ['http/protobuf', ProtobufTraceExporter],
    ])(
      'turns spans from the OpenTelemetry %s exporter into actions, once',
      async (_protocol, Exporter) => {
        const exporter = new Exporter({
          url,
          // generous: CI machines are small and run suites in parallel
          timeoutMillis: 30_000,
          headers: { Authorization: mockCredentials.service.header() },
        });
        const memory = new InMemorySpanExporter();
        const agentProvider = new TracerProvider({
          resource: resourceFromAttributes({
            'service.name': 'sales-service',
            'gen_ai.agent.name': 'Sales bot',
          }),
          spanProcessors: [
            new SimpleSpanProcessor({ exporter }),
            new SimpleSpanProcessor({ exporter: memory }),
          ],
        });
        const ciProvider = new TracerProvider({
          resource: resourceFromAttributes({
            'service.name': 'svc-sales-bot',
            'deployment.environment.name': 'production',
          }),
          spanProcessors: [
            new SimpleSpanProcessor({ exporter }),
            new SimpleSpanProcessor({ exporter: memory }),
          ],
        });

        const tracer = agentProvider.getTracer('sales-bot');
        const invoke = tracer.startSpan('invoke_agent Sales bot', {
          startTime: new Date('2026-11-20T09:00:00.000Z'),
          attributes: {
            'gen_ai.operation.name': 'invoke_agent',
            'gen_ai.agent.id': 'gen-ai-agent-42',
            'gen_ai.request.model': 'gpt-x',
            'gen_ai.response.model': 'gpt-x-2026-01',
            'gen_ai.usage.input_tokens': 120,
            'gen_ai.usage.output_tokens': 30,
            'custom.list': ['a', 'b'],
            'custom.ratio': 0.25,
          },
        });
        const tool = tracer.startSpan(
          'execute_tool',
          {
            startTime: new Date('2026-11-20T09:00:01.000Z'),
            attributes: {
              'gen_ai.operation.name': 'execute_tool',
              'gen_ai.tool.name': 'salesforce.query',
              'gen_ai.agent.id': 'not-in-the-catalog',
              'gen_ai.agent.name': 'svc-sales-bot',
            },
          },
          trace.setSpan(context.active(), invoke),
        );
        tool.setStatus({ code: SpanStatusCode.ERROR, message: 'timeout' });
        tool.end(new Date('2026-11-20T09:00:02.000Z'));
        tracer
          .startSpan('GET /health', {
            attributes: { 'http.request.method': 'GET' },
          })
          .end();
        invoke.end(new Date('2026-11-20T09:00:03.000Z'));

        const ci = ciProvider.getTracer('ci');
        ci.startSpan('deploy sales-aggregator', {
          startTime: new Date('2026-11-20T10:00:00.000Z'),
          attributes: {
            'cicd.pipeline.name': 'release',
            'deployment.environment.name': 'production',
            'vcs.repository.url.full': 'https://github.com/acme/sales',
            'vcs.ref.head.name': 'main',
          },
        }).end();
        ci.startSpan('npm ci').end(); // resource-level deployment.* alone is no action

        await agentProvider.forceFlush();
        await ciProvider.forceFlush();

        const list = await request(server).get('/api/agent-mesh/actions');
        expect(list.status).toBe(200);
        const items = list.body.items;
        // Each span is exported in its own request, so their arrival order may vary.
        expect(items.map((i: any) => i.type).sort()).toEqual([
          'agent.invoke',
          'deploy',
          'tool.call',
        ]);
        const byType = (type: string) =>
          items.find((i: any) => i.type === type);
        const [deploy, invoked, toolCall] = [
          byType('deploy'),
          byType('agent.invoke'),
          byType('tool.call'),
        ];
        const ids = (span: ReadableSpan) =>
          `otlp:${span.spanContext().traceId}:${span.spanContext().spanId}`;
        expect(invoked).toMatchObject({
          id: ids(invoke as unknown as ReadableSpan),
          agent: 'gen-ai-agent-42',
          agentKnown: true,
          agentRef: 'agent:default/sales-aggregator-bot',
          ownerRef: 'group:default/brand-a',
          occurredAt: '2026-11-20T09:00:00.000Z',
          model: 'gpt-x-2026-01',
          inputTokens: 120,
          outputTokens: 30,
          traceId: invoke.spanContext().traceId,
          spanId: invoke.spanContext().spanId,
          summary: 'invoke_agent Sales bot',
          attributes: expect.objectContaining({
            'custom.list': ['a', 'b'],
            'custom.ratio': 0.25,
            'otel.resource': expect.objectContaining({
              'service.name': 'sales-service',
            }),
          }),
        });
        // The tool span's agent id is unknown; the first of its names that the catalog knows wins.
        expect(toolCall).toMatchObject({
          agent: 'svc-sales-bot',
          agentKnown: true,
          agentRef: 'agent:default/sales-aggregator-bot',
          status: 'failure',
          summary:
            'execute_tool: tool salesforce.query, agent svc-sales-bot, failed: timeout',
          attributes: expect.objectContaining({
            'otel.parent_span_id': invoke.spanContext().spanId,
          }),
        });
        expect(deploy).toMatchObject({
          agent: 'svc-sales-bot',
          agentKnown: true,
          target: 'https://github.com/acme/sales',
          summary:
            'deploy sales-aggregator: pipeline release, branch main, repository https://github.com/acme/sales, to production',
        });

        // The exporter sends the same spans again: nothing is written twice.
        const spans = memory.getFinishedSpans();
        expect(spans).toHaveLength(5);
        expect((await exportWith(exporter, spans)).code).toBe(0);
        const [{ count }] = await knex('agent_mesh_actions').count({
          count: '*',
        });
        expect(Number(count)).toBe(3);
        expect(
          (await request(server).get('/api/agent-mesh/actions/verify')).body,
        ).toEqual({ ok: true, checked: 3 });

        await exporter.shutdown();
        await agentProvider.shutdown();
        await ciProvider.shutdown();
      },
    );

    it('answers with partialSuccess: rejected spans, ignored spans accepted', async () => {
      const res = await request(server)
        .post('/api/agent-mesh/v1/traces')
        .send(
          otlpBody([
            otlpSpan(),
            otlpSpan({ spanId: 'aaaaaaaaaaaaaaaa', attributes: [] }),
            otlpSpan({ spanId: 'xyz' }),
          ]),
        );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        partialSuccess: {
          rejectedSpans: 1,
          errorMessage: expect.stringMatching(
            /^1 span\(s\) rejected: resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[2\]\.spanId must be/,
          ),
        },
      });
      const ok = await request(server)
        .post('/api/agent-mesh/v1/traces')
        .send(otlpBody([otlpSpan()]));
      expect(ok.body).toEqual({
        partialSuccess: { rejectedSpans: 0, errorMessage: '' },
      });
      // The same span id with other content: the first write wins, no conflict.
      const changed = await request(server)
        .post('/api/agent-mesh/v1/traces')
        .send(otlpBody([otlpSpan({ name: 'execute_tool renamed' })]));
      expect(changed.status).toBe(200);
      const stored = await request(server).get('/api/agent-mesh/actions');
      expect(stored.body.items.map((i: any) => i.summary)).toEqual([
        'execute_tool search: tool web.search',
      ]);
      const [{ count }] = await knex('agent_mesh_actions').count({
        count: '*',
      });
      expect(Number(count)).toBe(1);
    });

    it('reads OpenInference and Langfuse spans as GenAI spans, and keeps what they sent', async () => {
      const kv = (key: string, value: Record<string, unknown>) => ({
        key,
        value,
      });
      const res = await request(server)
        .post('/api/agent-mesh/v1/traces')
        .send(
          otlpBody([
            otlpSpan({
              spanId: '1111111111111111',
              name: 'search_orders',
              attributes: [
                kv('openinference.span.kind', { stringValue: 'TOOL' }),
                kv('tool.name', { stringValue: 'search_orders' }),
              ],
            }),
            otlpSpan({
              spanId: '2222222222222222',
              name: 'draft reply',
              attributes: [
                kv('langfuse.observation.type', { stringValue: 'generation' }),
                kv('langfuse.observation.model.name', {
                  stringValue: 'claude-x',
                }),
                kv('langfuse.observation.usage_details', {
                  stringValue: '{"input":10,"output":4}',
                }),
              ],
            }),
          ]),
        );
      expect(res.body.partialSuccess.rejectedSpans).toBe(0);
      const { items } = (await request(server).get('/api/agent-mesh/actions'))
        .body;
      const bySpan = (id: string) => items.find((i: any) => i.spanId === id);
      expect(bySpan('1111111111111111')).toMatchObject({
        type: 'tool.call',
        summary: 'search_orders',
        attributes: expect.objectContaining({
          'tool.name': 'search_orders',
          'otel.dialects': ['openinference'],
        }),
      });
      expect(bySpan('2222222222222222')).toMatchObject({
        type: 'gen_ai.chat',
        model: 'claude-x',
        inputTokens: 10,
        outputTokens: 4,
        attributes: expect.objectContaining({
          'langfuse.observation.type': 'generation',
          'otel.dialects': ['langfuse'],
        }),
      });
      expect(bySpan('2222222222222222').attributes).not.toHaveProperty(
        'gen_ai.request.model',
      );
    });

    it('keeps the chain valid for spans with text that UTF-8 cannot hold', async () => {
      const res = await request(server)
        .post('/api/agent-mesh/v1/traces')
        .send(
          otlpBody([
            otlpSpan({ name: 'execute_tool \udc00 lone' }),
            otlpSpan({
              spanId: 'dddddddddddddddd',
              attributes: [
                ...otlpSpan().attributes,
                { key: 'x\ud800', value: { stringValue: 'a\u0000b' } },
              ],
            }),
          ]),
        );
      expect(res.body.partialSuccess.rejectedSpans).toBe(0);
      expect(
        (await request(server).get('/api/agent-mesh/actions/verify')).body,
      ).toEqual({ ok: true, checked: 2 });
    });

    it('takes at most 1,000 spans a request, and looks up a bounded number of agent names', async () => {
      const many = (n: number, name: (i: number) => string) =>
        otlpBody(
          Array.from({ length: n }, (_, i) =>
            otlpSpan({
              spanId: (i + 1).toString(16).padStart(16, '0'),
              attributes: [
                ...otlpSpan().attributes,
                { key: 'gen_ai.agent.name', value: { stringValue: name(i) } },
              ],
            }),
          ),
        );
      const tooMany = await request(server)
        .post('/api/agent-mesh/v1/traces')
        .send(many(1001, i => `agent-${i}`));
      expect(tooMany.status).toBe(413);
      expect(tooMany.body.error.message).toBe(
        "A request may carry at most 1000 spans, got 1001; lower the exporter's batch size (OTEL_BSP_MAX_EXPORT_BATCH_SIZE)",
      );

      lookups.mockClear();
      const res = await request(server)
        .post('/api/agent-mesh/v1/traces')
        .send(many(1000, i => `made-up-agent-${i}`));
      expect(res.status).toBe(200);
      const [{ count }] = await knex('agent_mesh_actions').count({
        count: '*',
      });
      expect(Number(count)).toBe(1000);
      // Each distinct name is looked up at most once, however many spans carry it.
      expect(lookups.mock.calls.length).toBeLessThanOrEqual(1000 + 1);
      const perName = new Map<string, number>();
      for (const [id] of lookups.mock.calls) {
        perName.set(id, (perName.get(id) ?? 0) + 1);
      }
      expect(Math.max(...perName.values())).toBe(1);
      expect(maxConcurrentLookups).toBeLessThanOrEqual(8);
    });

    it('refuses malformed bodies, other encodings and missing credentials', async () => {
      const post = () => request(server).post('/api/agent-mesh/v1/traces');
      const malformed = await post()
        .set('Content-Type', 'application/json')
        .send('{"resourceSpans": [');
      expect(malformed.status).toBe(400);
      const wrong = await post().send({ resourceSpans: 'x' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.message).toBe('resourceSpans must be an array');
      const protobuf = await post()
        .set('Content-Type', 'application/x-protobuf')
        .send(Buffer.from([0x0a, 0x05, 0x01]));
      expect(protobuf.status).toBe(400);
      expect(protobuf.body.error.message).toMatch(
        /^The body is not an OTLP ExportTraceServiceRequest in protobuf: /,
      );
      const text = await post()
        .set('Content-Type', 'text/plain')
        .send('resourceSpans');
      expect(text.status).toBe(415);
      expect(text.body.error.message).toMatch(/application\/x-protobuf/);
      const anonymous = await post()
        .set('Authorization', mockCredentials.none.header())
        .send(otlpBody([otlpSpan()]));
      expect(anonymous.status).toBe(401);
      const [{ count }] = await knex('agent_mesh_actions').count({
        count: '*',
      });
      expect(Number(count)).toBe(0);
    });
  });
});
