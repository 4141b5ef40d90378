import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { Knex } from 'knex';
import { Server } from 'node:http';
import request from 'supertest';
import { agentMeshPlugin } from '../plugin';
import {
  createRestartablePostgres,
  RestartablePostgres,
} from './__testUtils__/restartablePostgres';

jest.setTimeout(240_000);

/** A request without an answer after this long counts as hanging. */
const CLIENT_TIMEOUT_MS = 30_000;
/** A wait for the clients that lasts longer than this is a test failure, not a hang. */
const PHASE_TIMEOUT_MS = 90_000;
/** Acknowledged requests per client before the restart, and again after it. */
const REQUESTS_PER_PHASE = 5;
const BATCH_SIZE = 5;
const RESEND_AFTER_MS = 50;
/** How often a client sends one batch before the test gives up on recovery. */
const MAX_ATTEMPTS = 200;

const entities = [
  {
    apiVersion: 'agent-mesh.io/v1alpha1',
    kind: 'Agent',
    metadata: { name: 'coder', namespace: 'default' },
    spec: { type: 'coding-agent', owner: 'platform', lifecycle: 'production' },
  },
];

/** An answer that was not a 2xx. */
interface Refusal {
  status: number | 'timeout' | 'no response';
  message?: string;
  retryAfter?: string;
}

/**
 * A client that posts batches one after another and sends a batch again, with the same ids,
 * until it gets a 2xx: the way an agent's platform is expected to use the log.
 */
class RetryingClient {
  readonly acknowledged: string[] = [];
  readonly refused: Refusal[] = [];
  /** How long the slowest refused request took, in ms. */
  slowestRefusalMs = 0;
  /** Requests sent again. */
  resent = 0;
  /** Batches found already stored when sent again (their COMMIT had gone through). */
  storedBeforeRefusal = 0;
  /** Why the client gave up, if it did. */
  failure?: Error;
  private stopping = false;
  private done?: Promise<void>;

  constructor(readonly name: string, private readonly server: Server) {}

  start() {
    this.done = this.run().catch(error => {
      this.failure = error;
    });
  }

  /** Stops after the batch in flight is acknowledged. */
  async stop() {
    this.stopping = true;
    await this.done;
    if (this.failure) {
      throw this.failure;
    }
  }

  private async run() {
    for (let n = 0; !this.stopping; n++) {
      const actions = Array.from({ length: BATCH_SIZE }, (_, i) => ({
        id: `${this.name}-${n}-${i}`,
        occurredAt: new Date().toISOString(),
        agent: 'agent:default/coder',
        type: 'tool.call',
        summary: `${this.name} call ${n}-${i}`,
      }));
      await this.deliver(actions);
    }
  }

  private async deliver(actions: { id: string }[]) {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const sentAt = Date.now();
      const answer = await this.post(actions);
      if (typeof answer.status === 'number' && answer.status < 300) {
        if (attempt > 1 && answer.duplicates > 0) {
          this.storedBeforeRefusal += 1;
        }
        this.acknowledged.push(...actions.map(a => a.id));
        return;
      }
      this.refused.push(answer);
      this.slowestRefusalMs = Math.max(
        this.slowestRefusalMs,
        Date.now() - sentAt,
      );
      this.resent += 1;
      // Sooner than Retry-After asks: a client that waited that long would step over the
      // whole restart at once, and the test wants requests in each stage of it.
      await sleep(RESEND_AFTER_MS);
    }
    throw new Error(
      `client ${this.name}: no 2xx after ${MAX_ATTEMPTS} attempts`,
    );
  }

  private async post(
    actions: { id: string }[],
  ): Promise<Refusal & { duplicates?: any }> {
    try {
      const res = await request(this.server)
        .post('/api/agent-mesh/actions')
        .send({ actions })
        .timeout(CLIENT_TIMEOUT_MS);
      return res.status < 300
        ? { status: res.status, duplicates: res.body.duplicates }
        : {
            status: res.status,
            message: res.body?.error?.message,
            retryAfter: res.headers['retry-after'],
          };
    } catch (error) {
      return (error as { timeout?: number }).timeout
        ? { status: 'timeout' }
        : { status: 'no response', message: String(error) };
    }
  }
}

function sleep(ms: number) {
  return new Promise(resolve => setTimeout(resolve, ms));
}

async function waitUntil(
  what: string,
  clients: RetryingClient[],
  condition: () => boolean,
) {
  const deadline = Date.now() + PHASE_TIMEOUT_MS;
  while (!condition()) {
    const failed = clients.find(c => c.failure);
    if (failed) {
      throw failed.failure;
    }
    if (Date.now() > deadline) {
      throw new Error(`Gave up waiting for ${what}`);
    }
    await sleep(50);
  }
}

function summary(clients: RetryingClient[]): string {
  const counts = new Map<string, number>();
  for (const r of clients.flatMap(c => c.refused)) {
    const key = `${r.status} (Retry-After ${r.retryAfter ?? 'none'}) ${
      r.message ?? ''
    }`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const perClient = clients.map(
    c =>
      `client ${c.name}: ${c.acknowledged.length} actions acknowledged, ${c.resent} requests sent again, ${c.storedBeforeRefusal} batches already stored when sent again, slowest refusal ${c.slowestRefusalMs} ms`,
  );
  const refusals = [...counts].map(([key, n]) => `${n} x ${key}`);
  return [...perClient, ...refusals].join('\n');
}

describe('PostgreSQL restarted while two backends ingest', () => {
  let postgres: RestartablePostgres | undefined;

  beforeAll(async () => {
    const created = await createRestartablePostgres();
    if ('unavailable' in created) {
      // eslint-disable-next-line no-console
      console.warn(
        `Skipping the PostgreSQL restart test: it needs a PostgreSQL cluster of its own (${created.unavailable})`,
      );
    } else {
      postgres = created;
    }
  }, 60_000);

  afterAll(async () => {
    await postgres?.drop();
  }, 60_000);

  it('stores every acknowledged action once, keeps the chain whole and refuses the rest as retryable', async () => {
    if (!postgres) {
      return;
    }
    const connection = {
      ...postgres.connection,
      database: 'backstage_plugin_agent-mesh',
    };
    const admin = knexFactory({
      client: 'pg',
      connection: postgres.connection,
    });
    await admin
      .raw('CREATE DATABASE ??', [connection.database])
      .finally(() => admin.destroy());
    // Each backend has its own pool, as a replica has, with the pool settings that the
    // backend's database service gives PostgreSQL when the config sets none (knex's).
    const knexA = knexFactory({ client: 'pg', connection });
    const knexB = knexFactory({ client: 'pg', connection });
    const start = (knex: Knex) =>
      startTestBackend({
        features: [
          agentMeshPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities }),
        ],
      });
    const [a, b] = await Promise.all([start(knexA), start(knexB)]);
    try {
      const clients = [
        new RetryingClient('a', a.server),
        new RetryingClient('b', b.server),
      ];
      try {
        clients.forEach(c => c.start());
        await waitUntil('ingest before the restart', clients, () =>
          clients.every(
            c => c.acknowledged.length >= REQUESTS_PER_PHASE * BATCH_SIZE,
          ),
        );
        await postgres.restart();
        const acknowledgedAtRestart = clients.map(c => c.acknowledged.length);
        // The same backends, not restarted, take actions again.
        await waitUntil('ingest after the restart', clients, () =>
          clients.every(
            (c, i) =>
              c.acknowledged.length >=
              acknowledgedAtRestart[i] + REQUESTS_PER_PHASE * BATCH_SIZE,
          ),
        );
      } finally {
        await Promise.all(clients.map(c => c.stop()));
      }
      // eslint-disable-next-line no-console
      console.info(`PostgreSQL restarted during ingest:\n${summary(clients)}`);

      const refused = clients.flatMap(c => c.refused);
      // The restart was felt: requests were refused while the server was down...
      expect(refused.length).toBeGreaterThan(0);
      // ...each with "try again later", a reason and when; none failed or hung.
      expect(refused).toEqual(
        refused.map(() => ({
          status: 503,
          message: expect.stringMatching(/send them again with the same ids/),
          retryAfter: '1',
        })),
      );

      const acknowledged = clients.flatMap(c => c.acknowledged);
      const stored: string[] = await knexA('agent_mesh_actions')
        .orderBy('seq')
        .pluck('id');
      // Every acknowledged action once, and nothing else.
      expect([...stored].sort()).toEqual([...acknowledged].sort());
      const seqs = await knexA('agent_mesh_actions')
        .orderBy('seq')
        .pluck('seq');
      expect(seqs.map(Number)).toEqual(stored.map((_, i) => i + 1));
      for (const server of [a.server, b.server]) {
        const verify = await request(server).get(
          '/api/agent-mesh/actions/verify',
        );
        expect(verify.body).toEqual({ ok: true, checked: acknowledged.length });
      }

      // Reads while the server is down are retryable too, and do not show its address.
      await postgres.stop();
      try {
        for (const path of ['/actions', '/actions/verify', '/overview']) {
          const read = await request(a.server).get(`/api/agent-mesh${path}`);
          expect({ path, status: read.status }).toEqual({ path, status: 503 });
          expect(read.headers['retry-after']).toBe('1');
          expect(read.body.error.message).toMatch(
            /^The agent-mesh database is unavailable \(.+\); try again$/,
          );
          expect(read.body.error.message).not.toContain(
            String(postgres.connection.port),
          );
        }
      } finally {
        await postgres.start();
      }
      expect(
        (await request(a.server).get('/api/agent-mesh/actions')).status,
      ).toBe(200);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await Promise.all([knexA.destroy(), knexB.destroy()]);
    }
  });
});
