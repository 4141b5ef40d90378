import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { agentMeshPlugin } from '../plugin';

jest.setTimeout(120_000);

const entities = [
  {
    apiVersion: 'agent-mesh.io/v1alpha1',
    kind: 'Agent',
    metadata: { name: 'coder', namespace: 'default' },
    spec: { type: 'coding-agent', owner: 'platform', lifecycle: 'production' },
  },
];

describe('two backends on one PostgreSQL', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
  it('ingest concurrently through the API and keep one valid chain', async () => {
    if (!databases.eachSupportedId().some(([id]) => id === 'POSTGRES_15')) {
      return; // PostgreSQL is not available here
    }
    const knexA = await databases.init('POSTGRES_15');
    // Its own pool on the same database, as a second replica has.
    const knexB: Knex = knexFactory(knexA.client.config);
    const start = (knex: Knex) =>
      startTestBackend({
        features: [
          agentMeshPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities }),
        ],
      });
    try {
      // Started together: both run the migrations at the same time, too.
      const [a, b] = await Promise.all([start(knexA), start(knexB)]);
      const batches = Array.from({ length: 20 }, (_, n) =>
        Array.from({ length: 50 }, (__, i) => ({
          id: `r${n}-${i}`,
          occurredAt: '2026-11-24T10:00:00Z',
          agent: 'agent:default/coder',
          type: 'tool.call',
          summary: `call ${n}-${i}`,
        })),
      );
      // Every batch goes to both replicas at once, as a client retrying on another might.
      const responses = await Promise.all(
        batches.flatMap(actions => [
          request(a.server).post('/api/agent-mesh/actions').send({ actions }),
          request(b.server).post('/api/agent-mesh/actions').send({ actions }),
        ]),
      );
      expect(responses.map(r => r.status)).toEqual(responses.map(() => 200));
      const accepted = responses.reduce((n, r) => n + r.body.accepted, 0);
      const duplicates = responses.reduce((n, r) => n + r.body.duplicates, 0);
      expect({ accepted, duplicates }).toEqual({
        accepted: 1000,
        duplicates: 1000,
      });
      for (const server of [a.server, b.server]) {
        const verify = await request(server).get(
          '/api/agent-mesh/actions/verify',
        );
        expect(verify.body).toEqual({ ok: true, checked: 1000 });
      }
      const seqs = await knexA('agent_mesh_actions')
        .orderBy('seq')
        .pluck('seq');
      expect(seqs.map(Number)).toEqual(
        Array.from({ length: 1000 }, (_, i) => i + 1),
      );
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      await knexB.destroy();
    }
  });
});
