import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
// The test runs the real agent-mesh backend next to the catalog; the module itself reaches it
// over HTTP only.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import agentMeshPlugin from '@agent-mesh/plugin-agent-mesh-backend';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleAiModel from '@backstage/plugin-catalog-backend-module-ai-model';
import { Knex } from 'knex';
import { readFileSync } from 'fs';
import { dirname, resolve } from 'path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { catalogModuleAgentMesh } from '../module';
import { eventually } from '../__testUtils__/eventually';

const examples = resolve(__dirname, '../../../../examples/all.yaml');

/** Every entity that the demo organisation's files declare, by ref. */
function declaredExampleRefs(): string[] {
  const readAll = (file: string) =>
    parseAllDocuments(readFileSync(file, 'utf8'))
      .map(doc => doc.toJS() as Entity | null)
      .filter((e): e is Entity => Boolean(e));
  const [location] = readAll(examples);
  return (location.spec!.targets as string[])
    .flatMap(target => readAll(resolve(dirname(examples), target)))
    .map(e => stringifyEntityRef(e));
}

const art = (name: string) => `aiartifact:default/${name}`;

/** Overlap relations need a reconcile and a processing round: allow 90 s. */
const eventuallyOverlaps = <T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
) => eventually(read, done, 180);

/**
 * Each plugin gets its own database, as in a real deployment (both keep their migrations in
 * knex's default table, so they cannot share one schema).
 */
function databasePerPlugin(knexes: Record<string, Knex>) {
  return createServiceFactory({
    service: coreServices.database,
    deps: { plugin: coreServices.pluginMetadata },
    factory: ({ plugin }) =>
      mockServices.database({ knex: knexes[plugin.getId()] }),
  });
}

function config() {
  return mockServices.rootConfig.factory({
    data: {
      catalog: {
        processingInterval: { seconds: 1 },
        rules: [
          {
            allow: [
              'Component',
              'System',
              'API',
              'Resource',
              'Location',
              'Group',
              'User',
              'Agent',
              'AiArtifact',
              'AiResource',
            ],
          },
        ],
        locations: [{ type: 'file', target: examples }],
      },
      agentMesh: {
        overlap: {
          // The test backend's scheduler runs each task once, at startup, with an empty
          // catalog; entities reach the overlap index through the backend's lookup of refs it
          // does not know yet, as a newly registered entity does between two reconciles.
          schedule: {
            frequency: { seconds: 1 },
            timeout: { minutes: 1 },
            initialDelay: { seconds: 0 },
          },
          notifications: { enabled: false },
        },
      },
    },
  });
}

const overlapTargets = (entity?: Entity) =>
  (entity?.relations ?? [])
    .filter(r => r.type === 'overlapsWith')
    .map(r => r.targetRef)
    .sort();

describe('overlapsWith relations in the real catalog', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'come from the real agent-mesh backend, in both directions, on %p',
    async (databaseId: TestDatabaseId) => {
      const backend: TestBackend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleAiModel,
          catalogModuleAgentMesh,
          agentMeshPlugin,
          databasePerPlugin({
            catalog: await databases.init(databaseId),
            'agent-mesh': await databases.init(databaseId),
          }),
          config(),
        ],
      });
      const api = request(backend.server);
      const getEntity = async (ref: string): Promise<Entity | undefined> => {
        const res = await api.get(
          `/api/catalog/entities/by-name/${ref.replace(':', '/')}`,
        );
        return res.status === 200 ? res.body : undefined;
      };

      try {
        const aggregator = await eventuallyOverlaps(
          () => getEntity(art('brand-a-sales-aggregator')),
          e =>
            overlapTargets(e).includes(art('brand-b-sales-rollup')) &&
            overlapTargets(e).includes(art('brand-c-revenue-dashboard-sync')),
        );
        expect(overlapTargets(aggregator)).toEqual(
          expect.arrayContaining([
            art('brand-b-sales-rollup'),
            art('brand-c-revenue-dashboard-sync'),
          ]),
        );

        const rollup = await eventuallyOverlaps(
          () => getEntity(art('brand-b-sales-rollup')),
          e => overlapTargets(e).includes(art('brand-a-sales-aggregator')),
        );
        expect(overlapTargets(rollup)).toContain(
          art('brand-a-sales-aggregator'),
        );

        // Every overlap is symmetric: each target lists the source back.
        for (const target of overlapTargets(aggregator)) {
          expect(overlapTargets(await getEntity(target))).toContain(
            art('brand-a-sales-aggregator'),
          );
        }

        expect(
          overlapTargets(
            await getEntity(art('incident-postmortem-summarizer')),
          ),
        ).toEqual([]);
      } finally {
        await backend.stop();
      }
    },
    180_000,
  );

  it('loads every example without overlap relations, with a warning, when the agent-mesh plugin is absent', async () => {
    const logger = mockServices.logger.mock();
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleAiModel,
        catalogModuleAgentMesh,
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        logger.factory,
        config(),
      ],
    });
    const api = request(backend.server);
    const expected = declaredExampleRefs();
    try {
      const entities = await eventuallyOverlaps(
        async () => (await api.get('/api/catalog/entities')).body as Entity[],
        list =>
          list.some(
            e =>
              stringifyEntityRef(e) === art('brand-a-sales-aggregator') &&
              (e.relations ?? []).some(r => r.type === 'builtBy'),
          ) && list.length > expected.length,
      );
      expect(entities.map(e => stringifyEntityRef(e))).toEqual(
        expect.arrayContaining(expected),
      );
      expect(
        entities.filter(e =>
          (e.relations ?? []).some(r => r.type === 'overlapsWith'),
        ),
      ).toEqual([]);
      const warnings = logger.warn.mock.calls
        .map(([message]) => String(message))
        .filter(m => m.includes('overlapsWith'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/agent-mesh backend/);
    } finally {
      await backend.stop();
    }
  }, 120_000);
});
