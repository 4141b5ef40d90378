import { TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { startAgentMeshPlugin } from '../__testUtils__/startAgentMeshPlugin';

// The plugin declares zod `^3.25.76 || ^4.0.0`. A portal may resolve 3.25, where the package root
// is zod 3 and `zod/v4` an early zod 4: run the whole plugin on that release, as such a portal
// would, and check that bad input still gets a 400 that names the field.
jest.mock('zod', () => jest.requireActual('zod-3.25'));
jest.mock('zod/v3', () => jest.requireActual('zod-3.25/v3'));
jest.mock('zod/v4', () => jest.requireActual('zod-3.25/v4'));

jest.setTimeout(60_000);

describe('on zod 3.25', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it('runs on zod 3.25 in this test', () => {
    expect(jest.requireActual<{ version: string }>('zod/package.json')).toEqual(
      expect.objectContaining({ version: expect.stringMatching(/^4\./) }),
    );
    // what the plugin's modules get instead
    const { z } = require('zod');
    expect(typeof z.object({})._parse).toBe('function'); // zod 3's own API
  });

  it.each(databases.eachSupportedId())(
    'names the bad field in every 400, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startAgentMeshPlugin({
        knex,
        catalog: { factory: catalogServiceMock.factory({ entities: [] }) },
      });
      const base = '/api/agent-mesh';

      const similar = await request(server)
        .post(`${base}/similar`)
        .send({ description: 'a sales roll-up', limit: 1.5 });
      expect(similar.status).toBe(400);
      expect(similar.body.error.message).toBe('limit must be a whole number');

      const missing = await request(server).post(`${base}/similar`).send({});
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toBe('description is required');

      const action = {
        id: 'run-1',
        occurredAt: '2026-11-24T10:00:00Z',
        agent: 'agent:default/coder',
        type: 'deploy',
        summary: 'Deployed',
      };
      const actions = await request(server)
        .post(`${base}/actions`)
        .send({ actions: [{ ...action, occurredAt: 'yesterday' }] });
      expect(actions.status).toBe(400);
      expect(actions.body.error.message).toBe(
        'actions[0].occurredAt must be an ISO 8601 date-time with a time zone',
      );

      const unknownField = await request(server)
        .post(`${base}/actions`)
        .send({ actions: [action], extra: 1 });
      expect(unknownField.status).toBe(400);
      expect(unknownField.body.error.message).toBe(
        "body has unknown field(s) 'extra'",
      );

      const dryRun = await request(server)
        .post(`${base}/scorecards/dry-run`)
        .send({ config: { levels: [{ name: 'Gold', minScore: 'high' }] } });
      expect(dryRun.status).toBe(400);
      expect(dryRun.body.error.message).toContain(
        'config.levels.0.minScore: must be a number',
      );

      // The permission rule's parameters, as the permission backend reads them.
      const metadata = await request(server).get(
        `${base}/.well-known/backstage/permissions/metadata`,
      );
      expect(metadata.status).toBe(200);
      expect(metadata.body.rules).toEqual([
        expect.objectContaining({
          name: 'IS_OWNED_BY',
          paramsSchema: expect.objectContaining({
            required: ['owners'],
            properties: expect.objectContaining({
              owners: expect.objectContaining({ type: 'array' }),
            }),
          }),
        }),
      ]);
    },
  );
});
