import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { startTestBackend } from '@backstage/backend-test-utils';
import fc from 'fast-check';
import { Knex } from 'knex';
import request from 'supertest';
import { agentMeshPlugin } from '../plugin';

jest.setTimeout(300_000);

/** Strings of every kind, the awkward ones included: lone surrogates, NUL, long, empty. */
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    '\u0000',
    '\ud800',
    'x'.repeat(300),
    'agent:default/coder',
    `component:default/${'y'.repeat(260)}`,
    'otlp:abc:def',
    '2026-11-20T09:00:00Z',
    '9999-01-01T00:00:00Z',
    'user:',
  ),
);
const anything = fc.oneof(text, fc.jsonValue({ maxDepth: 4 }));
const hex = (length: number) =>
  fc.string({
    unit: fc.constantFrom(...'0123456789abcdef'),
    minLength: length,
    maxLength: length,
  });

/** One field of an action replaced by something else (or a field added). */
const mutation = fc.oneof(
  fc.record({ id: text }),
  fc.record({
    occurredAt: fc.oneof(
      fc.date({ noInvalidDate: true }).map(d => d.toISOString()),
      text,
    ),
  }),
  fc.record({ agent: text }),
  fc.record({ type: text }),
  fc.record({ summary: text }),
  fc.record({ target: text }),
  fc.record({ onBehalfOf: text }),
  fc.record({ inputTokens: fc.oneof(fc.integer(), fc.double(), text) }),
  fc.record({
    attributes: fc.oneof(
      fc.dictionary(text, anything, { maxKeys: 6 }),
      anything,
    ),
  }),
  fc.record({ extra: anything }),
);

/** A valid action with none, one or two of its fields changed. */
const action = fc
  .tuple(
    fc.uuid(),
    fc.oneof(
      fc.constant([]),
      fc.array(mutation, { minLength: 1, maxLength: 2 }),
    ),
  )
  .map(([id, changes]) =>
    Object.assign(
      {
        id: `f-${id}`,
        occurredAt: '2026-11-20T09:00:00Z',
        agent: 'agent:default/coder',
        type: 'tool.call',
        summary: 'did a thing',
      },
      ...changes,
    ),
  );

const body = fc.oneof(
  fc.record({ actions: fc.array(action, { maxLength: 5 }) }),
  fc.record({ actions: anything }),
  anything,
);

/** An OTLP attribute: a known GenAI key or any text, with a value of any OTLP type or not. */
const attribute = fc.record({
  key: fc.oneof(
    fc.constantFrom(
      'gen_ai.operation.name',
      'gen_ai.agent.id',
      'gen_ai.usage.input_tokens',
      'vcs.change.state',
    ),
    text,
  ),
  value: fc.oneof(
    fc.record({ stringValue: text }),
    fc.record({ intValue: fc.oneof(fc.integer(), text) }),
    fc.record({ kvlistValue: anything }),
    anything,
  ),
});

/** A GenAI tool-call span with none, one or two of its fields changed. */
const span = fc
  .tuple(
    hex(32),
    hex(16),
    fc.oneof(
      fc.constant([]),
      fc.array(
        fc.oneof(
          fc.record({ traceId: text }),
          fc.record({ spanId: text }),
          fc.record({ name: text }),
          fc.record({
            startTimeUnixNano: fc.oneof(
              fc.bigInt({ min: 0n, max: 2n ** 64n }).map(String),
              anything,
            ),
          }),
          fc.record({
            attributes: fc.oneof(
              fc.array(attribute, { maxLength: 5 }),
              anything,
            ),
          }),
        ),
        { minLength: 1, maxLength: 2 },
      ),
    ),
  )
  .map(([traceId, spanId, changes]) =>
    Object.assign(
      {
        traceId,
        spanId,
        name: 'execute_tool search',
        startTimeUnixNano: '1763974800123456789',
        attributes: [
          {
            key: 'gen_ai.operation.name',
            value: { stringValue: 'execute_tool' },
          },
        ],
      },
      ...changes,
    ),
  );

const traces = fc.oneof(
  fc.record({
    resourceSpans: fc.array(
      fc.record({
        resource: fc.oneof(
          fc.record({
            attributes: fc.constant([
              { key: 'service.name', value: { stringValue: 'svc' } },
            ]),
          }),
          anything,
        ),
        scopeSpans: fc.oneof(
          fc.array(fc.record({ spans: fc.array(span, { maxLength: 4 }) }), {
            maxLength: 2,
          }),
          anything,
        ),
      }),
      { maxLength: 2 },
    ),
  }),
  anything,
);

describe('ingest under arbitrary input', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let server: any;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      ({ server } = await startTestBackend({
        features: [
          agentMeshPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities: [] }),
        ],
      }));
    });

    const rows = async () =>
      Number((await knex('agent_mesh_actions').count({ count: '*' }))[0].count);

    it('POST /actions answers 2xx or 4xx with a message, and a refused request writes nothing', async () => {
      const seen = { accepted: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(body, async sent => {
          const before = await rows();
          const res = await request(server)
            .post('/api/agent-mesh/actions')
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(sent) ?? 'undefined');
          const refused = res.status >= 400;
          if (refused) seen.refused += 1;
          else seen.accepted += res.body.accepted;
          expect({
            status: res.status < 500,
            message: refused ? res.body.error?.message?.length > 0 : true,
            written: (await rows()) - before,
          }).toEqual({
            status: true,
            message: true,
            written: refused ? 0 : res.body.accepted,
          });
        }),
        { numRuns: 200 },
      );
      // The inputs reach both sides: some actions are written, many requests refused.
      expect(seen.accepted).toBeGreaterThan(0);
      expect(seen.refused).toBeGreaterThan(0);
      const verify = await request(server).get(
        '/api/agent-mesh/actions/verify',
      );
      expect(verify.body.ok).toBe(true);
    });

    it('POST /v1/traces answers 2xx or 4xx, and the chain still verifies', async () => {
      const before = await rows();
      await fc.assert(
        fc.asyncProperty(traces, async sent => {
          const start = await rows();
          const res = await request(server)
            .post('/api/agent-mesh/v1/traces')
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(sent) ?? 'undefined');
          const refused = res.status >= 400;
          expect({
            status: res.status < 500,
            message: refused ? res.body.error?.message?.length > 0 : true,
            answer: refused
              ? 'error'
              : typeof res.body.partialSuccess?.rejectedSpans,
            written: refused ? (await rows()) - start : 0,
          }).toEqual({
            status: true,
            message: true,
            answer: refused ? 'error' : 'number',
            written: 0,
          });
        }),
        { numRuns: 200 },
      );
      // Some spans are well-formed enough to become actions.
      expect(await rows()).toBeGreaterThan(before);
      const verify = await request(server).get(
        '/api/agent-mesh/actions/verify',
      );
      expect(verify.body.ok).toBe(true);
    });
  });
});
