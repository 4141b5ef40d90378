import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { createBackendModule } from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogLocationsExtensionPoint } from '@backstage/plugin-catalog-node';
import catalogModuleAiModel from '@backstage/plugin-catalog-backend-module-ai-model';
import catalogModuleUnprocessed from '@backstage/plugin-catalog-backend-module-unprocessed';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import request from 'supertest';
import { catalogModulesAgentMesh } from '../features';
import { eventually } from '../__testUtils__/eventually';
import { CardServer } from '../__testUtils__/cardServer';

const fixtures = resolve(__dirname, '__fixtures__');

/** What the README tells an installer to add for Locations of this type inside catalog files. */
const allowServerJsonLocations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'allow-mcp-server-json-locations',
  register(env) {
    env.registerInit({
      deps: { locations: catalogLocationsExtensionPoint },
      async init({ locations }) {
        locations.setAllowedLocationTypes(['url', 'mcp-server-json']);
      },
    });
  },
});

type Unprocessed = { errors?: { message: string }[] };

describe('MCP server.json locations in the real catalog', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const server = new CardServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it.each(databases.eachSupportedId())(
    'makes mcp-server APIs of server.json files and URLs, and names the fields of invalid ones, on %p',
    async (databaseId: TestDatabaseId) => {
      const knex = await databases.init(databaseId);
      server.routes.set('/tickets/server.json', {
        body: readFileSync(
          resolve(fixtures, 'ticket-search.server.json'),
          'utf8',
        ),
      });
      const { host } = new URL(server.url('/'));
      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleAiModel,
          catalogModuleUnprocessed,
          catalogModulesAgentMesh,
          allowServerJsonLocations,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              backend: { reading: { allow: [{ host }] } },
              catalog: {
                processingInterval: { seconds: 1 },
                rules: [{ allow: ['API', 'Location'] }],
                locations: [
                  // a team's Location next to its server.json files, with its annotations
                  {
                    type: 'file',
                    target: resolve(fixtures, 'catalog-info.yaml'),
                  },
                  // server.json by URL and by path, owned by the config's default
                  {
                    type: 'mcp-server-json',
                    target: server.url('/tickets/server.json'),
                  },
                  {
                    type: 'mcp-server-json',
                    target: resolve(fixtures, 'invalid.server.json'),
                  },
                ],
              },
              agentMesh: {
                overlap: { processor: { enabled: false } },
                mcpServerJson: { defaultOwner: 'group:default/platform' },
              },
            },
          }),
        ],
      });
      const api = request(backend.server);
      const getApi = async (name: string): Promise<Entity | undefined> => {
        const res = await api.get(
          `/api/catalog/entities/by-name/api/default/${name}`,
        );
        return res.status === 200 ? res.body : undefined;
      };

      try {
        const warehouse = await eventually(
          () => getApi('io.github.acme-sales-warehouse'),
          e => Boolean(e?.relations?.some(r => r.type === 'partOf')),
        );
        expect(warehouse).toBeDefined();
        expect(warehouse!.metadata.title).toBe('Sales warehouse');
        expect(warehouse!.spec).toMatchObject({
          type: 'mcp-server',
          owner: 'group:default/operations',
          lifecycle: 'experimental',
          system: 'sales-analytics',
          remotes: [
            { type: 'streamable-http', url: 'https://mcp.acme.example/mcp' },
            {
              type: 'sse',
              url: 'https://mcp.acme.example/sales-warehouse/sse',
            },
            { type: 'stdio', url: 'npm:@acme/sales-warehouse-mcp@1.4.0' },
          ],
        });
        expect(JSON.parse(warehouse!.spec!.definition as string).name).toBe(
          'io.github.acme/sales-warehouse',
        );
        expect(warehouse!.relations).toEqual(
          expect.arrayContaining([
            { type: 'ownedBy', targetRef: 'group:default/operations' },
            { type: 'partOf', targetRef: 'system:default/sales-analytics' },
          ]),
        );
        expect((warehouse as any).status?.items ?? []).toEqual([]);

        // Read through the UrlReaderService, owned by agentMesh.mcpServerJson.defaultOwner.
        const tickets = await eventually(
          () => getApi('io.github.acme-ticket-search'),
          e => e !== undefined,
        );
        expect(tickets!.spec).toMatchObject({
          owner: 'group:default/platform',
          lifecycle: 'production',
          remotes: [
            { type: 'stdio', url: 'pypi:acme-ticket-search-mcp@0.3.2' },
            { type: 'streamable-http', url: 'http://localhost:8080/mcp' },
          ],
        });
        expect(server.requests).toContain('/tickets/server.json');

        // The invalid document: its Location fails with one error per problem.
        const file = resolve(fixtures, 'invalid.server.json');
        const readErrors = async () => {
          const lists = await Promise.all(
            ['pending', 'failed'].map(
              async reason =>
                (
                  await api.get(`/api/catalog/entities/unprocessed/${reason}`)
                ).body.entities as Unprocessed[],
            ),
          );
          return lists
            .flat()
            .flatMap(u => (u.errors ?? []).map(e => e.message))
            .filter(m => m.startsWith(file));
        };
        const errors = await eventually(readErrors, e => e.length > 0);
        expect(errors.sort()).toEqual(
          [
            `${file}: server.json name must match the pattern ^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$`,
            `${file}: server.json description is required`,
            `${file}: server.json remotes[0].type must be one of streamable-http, sse`,
            `${file}: server.json remotes[0].url must be an http or https URL, or start with a {variable}`,
          ].sort(),
        );
        expect(await getApi('ticket-search')).toBeUndefined();
      } finally {
        await backend.stop();
      }
    },
    180_000,
  );
});
