import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { agentMeshPlugin } from '../../plugins/agent-mesh-backend/src/plugin';
import { BenchDatabase } from './databases';
import { generateOrganisation } from './organisation';

export interface BenchBackend {
  baseUrl: string;
  headers: Record<string, string>;
  stop(): Promise<void>;
}

/** A test backend with the agent-mesh plugin on `db` and an in-memory catalog of the organisation. */
export async function startBenchBackend(
  db: BenchDatabase,
): Promise<BenchBackend> {
  const backend = await startTestBackend({
    features: [
      agentMeshPlugin,
      mockServices.database.factory({ knex: db.knex }),
      catalogServiceMock.factory({ entities: generateOrganisation() }),
      mockServices.rootConfig.factory({
        data: { agentMesh: { overlap: { notifications: { enabled: false } } } },
      }),
    ],
  });
  const { port } = backend.server.address() as { port: number };
  return {
    baseUrl: `http://localhost:${port}/api/agent-mesh`,
    headers: { Authorization: 'Bearer mock-user-token' },
    stop: () => backend.stop(),
  };
}
