import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleUnprocessed from '@backstage/plugin-catalog-backend-module-unprocessed';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { catalogModulesAgentMesh } from '../features';
import { eventually } from '../__testUtils__/eventually';
import { CardServer, fixtureCard } from '../__testUtils__/cardServer';
import { ManualScheduler } from '../__testUtils__/manualScheduler';

/** The provider's scheduled task. */
const READ_CARDS = 'agent-mesh-a2a-cards:refresh';

type Unprocessed = {
  unprocessed_entity: Entity;
  errors?: { message: string }[];
};

describe('A2A agent cards in the real catalog', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const server = new CardServer();
  let dir: string;

  beforeAll(async () => {
    await server.start();
    dir = mkdtempSync(join(tmpdir(), 'agent-mesh-a2a-'));
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(databases.eachSupportedId())(
    'makes Agents of configured and discovered cards, and keeps the last valid one when a card breaks, on %p',
    async (databaseId: TestDatabaseId) => {
      const knex = await databases.init(databaseId);
      const valid = fixtureCard('invoice-reconciler.agent-card.json');
      server.routes.set('/invoices/agent-card.json', { body: valid });
      server.routes.set('/never/agent-card.json', {
        body: fixtureCard('invalid.agent-card.json'),
      });
      server.routes.set('/stock/agent-card.json', {
        body: fixtureCard('stock-checker-0.3.agent-card.json'),
      });
      // An API entity that names its agent's card, as a team would register it.
      const apis = join(dir, `apis-${databaseId}.yaml`);
      writeFileSync(
        apis,
        JSON.stringify({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'API',
          metadata: {
            name: 'stock-checker-a2a',
            annotations: {
              'agent-mesh.io/a2a-card-url': server.url(
                '/stock/agent-card.json',
              ),
              'agent-mesh.io/a2a-sponsor': 'user:default/ben-carter',
            },
          },
          spec: {
            type: 'a2a',
            lifecycle: 'experimental',
            owner: 'group:default/warehouse',
            definition: '{}',
          },
        }),
      );

      const scheduler = new ManualScheduler();
      const backend = await startTestBackend({
        features: [
          scheduler.factory,
          catalogPlugin,
          catalogModuleUnprocessed,
          catalogModulesAgentMesh,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                processingInterval: { seconds: 1 },
                rules: [{ allow: ['API', 'Location', 'Agent'] }],
                locations: [{ type: 'file', target: apis }],
              },
              agentMesh: {
                overlap: { processor: { enabled: false } },
                a2a: {
                  cards: [
                    {
                      url: server.url('/invoices/agent-card.json'),
                      owner: 'group:default/finance',
                      sponsor: 'user:default/lena-fischer',
                    },
                    {
                      url: server.url('/never/agent-card.json'),
                      owner: 'group:default/finance',
                      name: 'never-valid',
                    },
                  ],
                  discovery: { enabled: true },
                  timeout: { seconds: 2 },
                },
              },
            },
          }),
        ],
      });
      const api = request(backend.server);
      const getAgent = async (name: string): Promise<Entity | undefined> => {
        const res = await api.get(
          `/api/catalog/entities/by-name/agent/default/${name}`,
        );
        return res.status === 200 ? res.body : undefined;
      };
      const errorsOf = (entity?: Entity): string[] =>
        ((entity as any)?.status?.items ?? [])
          .filter((item: any) => item.level === 'error')
          .map((item: any) => item.error.message as string);

      try {
        // Read the cards once the API entity that names one is in the catalog.
        await eventually(
          async () =>
            (
              await api.get(
                '/api/catalog/entities/by-name/api/default/stock-checker-a2a',
              )
            ).status,
          status => status === 200,
        );
        await scheduler.run(READ_CARDS);

        // A configured card: an Agent with the card's fields, owned as configured.
        const agent = await eventually(
          () => getAgent('invoice-reconciler'),
          e => Boolean(e?.relations?.some(r => r.type === 'ownedBy')),
        );
        expect(agent).toBeDefined();
        expect(agent!.metadata.tags).toEqual([
          'invoices',
          'purchase-orders',
          'audit',
        ]);
        expect(agent!.spec).toMatchObject({
          owner: 'group:default/finance',
          sponsor: 'user:default/lena-fischer',
          version: '2.3.0',
          provider: 'Acme Finance Engineering',
        });
        expect((agent!.spec!.skills as any[]).map(s => s.id)).toEqual([
          'match-invoice',
          'flag-mismatch',
        ]);
        expect(agent!.relations).toEqual(
          expect.arrayContaining([
            { type: 'ownedBy', targetRef: 'group:default/finance' },
          ]),
        );
        expect(errorsOf(agent)).toEqual([]);

        // A card named by an API entity: owned by the API's owner.
        const discovered = await eventually(
          () => getAgent('stock-checker'),
          e => e !== undefined,
        );
        expect(discovered!.spec).toMatchObject({
          owner: 'group:default/warehouse',
          sponsor: 'user:default/ben-carter',
          lifecycle: 'experimental',
          version: '0.9.1',
        });

        // A card that was never valid: not in the catalog, listed with its error.
        const readFailures = async () => {
          const lists = await Promise.all(
            ['pending', 'failed'].map(
              async reason =>
                (
                  await api.get(`/api/catalog/entities/unprocessed/${reason}`)
                ).body.entities as Unprocessed[],
            ),
          );
          return Object.fromEntries(
            lists
              .flat()
              .filter(u => (u.errors ?? []).length > 0)
              .map(u => [
                stringifyEntityRef(u.unprocessed_entity),
                u.errors!.map(e => e.message),
              ]),
          );
        };
        const failures = await eventually(readFailures, f =>
          Boolean(f['agent:default/never-valid']),
        );
        expect(failures['agent:default/never-valid']).toEqual([
          `A2A agent card ${server.url(
            '/never/agent-card.json',
          )} is not valid: skills[0].tags is required`,
        ]);
        expect(await getAgent('never-valid')).toBeUndefined();

        // The valid card breaks: the Agent keeps its last valid version and shows the error.
        server.routes.set('/invoices/agent-card.json', {
          body: fixtureCard('invalid.agent-card.json'),
        });
        await scheduler.run(READ_CARDS);
        const broken = await eventually(
          () => getAgent('invoice-reconciler'),
          e => errorsOf(e).length > 0,
        );
        expect(errorsOf(broken)).toEqual([
          `A2A agent card ${server.url(
            '/invoices/agent-card.json',
          )} is not valid: skills[0].tags is required`,
        ]);
        expect(broken!.spec).toMatchObject({ version: '2.3.0' });
        expect(broken!.metadata.tags).toContain('purchase-orders');

        // ... and it goes down too: still the last valid version.
        server.routes.delete('/invoices/agent-card.json');
        await scheduler.run(READ_CARDS);
        const gone = await eventually(
          () => getAgent('invoice-reconciler'),
          e => errorsOf(e).some(m => m.includes('HTTP 404')),
        );
        expect(gone!.spec).toMatchObject({ version: '2.3.0' });

        // Fixed: the new version, without the error.
        server.routes.set('/invoices/agent-card.json', {
          body: { ...valid, version: '2.5.0' },
        });
        await scheduler.run(READ_CARDS);
        const fixed = await eventually(
          () => getAgent('invoice-reconciler'),
          e => e?.spec?.version === '2.5.0' && errorsOf(e).length === 0,
        );
        expect(fixed!.spec).toMatchObject({ version: '2.5.0' });
        expect(errorsOf(fixed)).toEqual([]);
      } finally {
        await backend.stop();
      }
    },
    180_000,
  );
});
