import {
  createBackendModule,
  coreServices,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  agentMeshOverlapSignalsExtensionPoint,
  agentMeshScorecardChecksExtensionPoint,
} from '@agent-mesh/plugin-agent-mesh-node';
import request from 'supertest';
import { agentMeshPlugin } from './plugin';

describe('agentMeshPlugin', () => {
  // A test database that is closed after the tests (the default in-memory SQLite stays open).
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const database = async () =>
    mockServices.database.factory({ knex: await databases.init('SQLITE_3') });

  it('serves /health without credentials', async () => {
    const { server } = await startTestBackend({
      features: [agentMeshPlugin, await database()],
    });

    const res = await request(server)
      .get('/api/agent-mesh/health')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('accepts signals and checks from other modules and refuses duplicate ids', async () => {
    const logger = mockServices.logger.mock();
    const extraModule = createBackendModule({
      pluginId: 'agent-mesh',
      moduleId: 'test-extras',
      register(env) {
        env.registerInit({
          deps: {
            signals: agentMeshOverlapSignalsExtensionPoint,
            checks: agentMeshScorecardChecksExtensionPoint,
            log: coreServices.logger,
          },
          async init({ signals, checks }) {
            signals.addSignal({
              id: 'embeddings',
              weight: 1,
              score: () => ({ score: 0.5, reasons: ['close embeddings'] }),
            });
            checks.addCheck({
              id: 'has-runbook',
              title: 'Has a runbook',
              evaluate: () => ({ status: 'pass', detail: 'ok' }),
            });
            expect(() =>
              checks.addCheck({
                id: 'has-runbook',
                title: 'Again',
                evaluate: () => ({ status: 'pass', detail: 'ok' }),
              }),
            ).toThrow("Scorecard check 'has-runbook' is already added");
          },
        });
      },
    });

    await startTestBackend({
      features: [
        agentMeshPlugin,
        extraModule,
        logger.factory,
        await database(),
      ],
    });

    expect(logger.info).toHaveBeenCalledWith(
      'Agent Mesh started with 1 extra overlap signal(s) and 1 custom scorecard check(s)',
    );
  });
});
