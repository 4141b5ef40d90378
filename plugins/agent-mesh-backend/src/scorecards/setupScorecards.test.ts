import { JsonObject } from '@backstage/types';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { Knex } from 'knex';
import { setupScorecards } from './setupScorecards';

describe('setupScorecards', () => {
  let knex: Knex;

  beforeEach(() => {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
  });

  afterEach(async () => {
    await knex.destroy();
  });

  function services(data: JsonObject = {}) {
    return {
      config: mockServices.rootConfig({ data }),
      logger: mockServices.logger.mock(),
      database: { getClient: async () => knex },
      scheduler: mockServices.scheduler.mock(),
      httpRouter: mockServices.httpRouter.mock(),
      httpAuth: mockServices.httpAuth(),
      auth: mockServices.auth(),
      permissions: mockServices.permissions(),
      permissionsRegistry: mockServices.permissionsRegistry.mock(),
      catalog: catalogServiceMock(),
    };
  }

  it('creates the store, schedules the global job and mounts the router', async () => {
    const s = services({
      agentMesh: {
        scorecards: {
          schedule: { frequency: { minutes: 10 }, timeout: { minutes: 2 } },
        },
      },
    });
    const { config } = await setupScorecards(s, {
      checks: [
        {
          id: 'custom',
          title: 'Custom',
          evaluate: () => ({ status: 'pass', detail: 'ok' }),
        },
      ],
    });
    expect(config.activityWindowDays).toBe(30);
    expect(s.scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'agent-mesh-scorecards',
        scope: 'global',
        frequency: { minutes: 10 },
        timeout: { minutes: 2 },
        fn: expect.any(Function),
      }),
    );
    expect(s.httpRouter.use).toHaveBeenCalledTimes(1);
    expect(s.permissionsRegistry.addPermissions).toHaveBeenCalledWith([
      expect.objectContaining({ name: 'agent-mesh.insights.read' }),
    ]);
    expect(await knex.schema.hasTable('agent_mesh_scorecard_latest')).toBe(
      true,
    );
  });

  it('refuses a custom check that reuses a built-in id, and config naming unknown checks', async () => {
    await expect(
      setupScorecards(services(), {
        checks: [
          {
            id: 'lifecycle',
            title: 'Mine',
            evaluate: () => ({ status: 'pass', detail: '' }),
          },
        ],
      }),
    ).rejects.toThrow("Scorecard check 'lifecycle' is added twice");
    await expect(
      setupScorecards(
        services({
          agentMesh: { scorecards: { checks: { custom: { weight: 2 } } } },
        }),
      ),
    ).rejects.toThrow('agentMesh.scorecards.checks.custom: no such check');
  });
});
