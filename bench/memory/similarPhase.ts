// The POST /similar phase of `yarn bench memory` (see index.ts):
//   node similarPhase.ts <result> <requests> <entities>
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory from 'knex';
import { agentMeshPlugin } from '../../plugins/agent-mesh-backend/src/plugin';
import { generateAiBuiltWork } from '../catalog/generateCatalog';
import { madeUpWord, measurePhase } from './phase';

/** Real words that the generated catalog uses, so that queries also find matches. */
const REAL = ['sales', 'report', 'shopify', 'invoice', 'weekly', 'pipeline'];

async function main() {
  const [resultFile, requests, entities] = process.argv.slice(2);
  const catalog = generateAiBuiltWork(Number(entities));
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const backend = await startTestBackend({
    features: [
      agentMeshPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: catalog }),
      mockServices.rootConfig.factory({
        data: {
          agentMesh: {
            overlap: {
              notifications: { enabled: false },
              // No initial delay: the test backend's scheduler runs the reconcile at start-up.
              schedule: {
                frequency: { minutes: 30 },
                timeout: { minutes: 10 },
              },
            },
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as { port: number };
  const base = `http://localhost:${port}/api/agent-mesh`;
  const headers = {
    Authorization: 'Bearer mock-user-token',
    'Content-Type': 'application/json',
  };

  // Wait until the reconcile has built the index: the first entity's own text finds it.
  const probe = {
    title: catalog[0].metadata.title ?? catalog[0].metadata.name,
    description: catalog[0].metadata.description ?? catalog[0].metadata.name,
  };
  for (const started = Date.now(); ; ) {
    const res = await fetch(`${base}/similar`, {
      method: 'POST',
      headers,
      body: JSON.stringify(probe),
    });
    const body = (await res.json()) as { items?: unknown[] };
    if (res.ok && (body.items?.length ?? 0) > 0) break;
    if (Date.now() - started > 300_000) {
      throw new Error(
        `The index was not built within 5 minutes: ${JSON.stringify(body)}`,
      );
    }
    await new Promise(r => setTimeout(r, 1000));
  }

  let failures = 0;
  await measurePhase({
    name: 'POST /similar',
    resultFile,
    operations: Number(requests),
    concurrency: 8,
    step: async i => {
      const body = {
        title: `${madeUpWord(i, 't')} ${REAL[i % REAL.length]}`,
        description: `${madeUpWord(i, 'a')} ${madeUpWord(i, 'b')} ${madeUpWord(
          i,
          'c',
        )} ${REAL[(i + 1) % REAL.length]} ${
          REAL[(i + 3) % REAL.length]
        } ${madeUpWord(i, 'long').repeat(20)}`,
        tags: [madeUpWord(i, 'tag')],
        integrations: [madeUpWord(i, 'sys'), 'shopify'],
        type: madeUpWord(i % 1000, 'type'),
        limit: 5,
      };
      const res = await fetch(`${base}/similar`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      await res.arrayBuffer();
      if (!res.ok) failures += 1;
    },
    extra: () => ({ failures }),
  });
  await backend.stop();
  await knex.destroy();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
