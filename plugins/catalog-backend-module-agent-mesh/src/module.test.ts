import {
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleAiModel from '@backstage/plugin-catalog-backend-module-ai-model';
import catalogModuleUnprocessed from '@backstage/plugin-catalog-backend-module-unprocessed';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import { readFileSync } from 'fs';
import { dirname, resolve } from 'path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { catalogModuleAgentMesh } from './module';
import { eventually } from './__testUtils__/eventually';

const examples = resolve(__dirname, '../../../examples/all.yaml');
const problems = resolve(__dirname, '__fixtures__/problems.yaml');

/** Every entity that the demo organisation's files declare, by ref, with the location itself. */
function declaredExampleRefs(): string[] {
  const readAll = (file: string) =>
    parseAllDocuments(readFileSync(file, 'utf8'))
      .map(doc => doc.toJS() as Entity | null)
      .filter((e): e is Entity => Boolean(e));
  const [location] = readAll(examples);
  const entities = (location.spec!.targets as string[]).flatMap(target =>
    readAll(resolve(dirname(examples), target)),
  );
  return [location, ...entities].map(e => stringifyEntityRef(e)).sort();
}

function relationsOf(entity: Entity): string[] {
  return (entity.relations ?? []).map(r => `${r.type} ${r.targetRef}`);
}

describe('catalogModuleAgentMesh in the real catalog', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'ingests every example with its relations and rejects invalid entities with named errors, on %p',
    async (databaseId: TestDatabaseId) => {
      const knex = await databases.init(databaseId);
      const start = (locations: string[]) =>
        startTestBackend({
          features: [
            catalogPlugin,
            catalogModuleAiModel,
            catalogModuleUnprocessed,
            catalogModuleAgentMesh,
            mockServices.database.factory({ knex }),
            mockServices.rootConfig.factory({
              data: {
                catalog: {
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
                      ],
                    },
                  ],
                  locations: locations.map(target => ({
                    type: 'file',
                    target,
                  })),
                },
              },
            }),
          ],
        });
      let backend: TestBackend = await start([examples]);
      let api = request(backend.server);
      const getEntity = async (ref: string): Promise<Entity | undefined> => {
        const { kind, namespace, name } = parseEntityRef(ref);
        const res = await api.get(
          `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
        );
        return res.status === 200 ? res.body : undefined;
      };

      try {
        // Every example entity is in, with no processing error.
        const expected = declaredExampleRefs();
        const loaded = await eventually(
          async () =>
            (
              await api.get('/api/catalog/entities')
            ).body as AlphaEntity[],
          entities => entities.length > expected.length,
        );
        expect(
          loaded
            .map(e => stringifyEntityRef(e))
            .filter(ref => !ref.startsWith('location:default/generated-'))
            .sort(),
        ).toEqual(expected);
        expect(
          loaded
            .filter(e => e.status?.items?.some(item => item.level === 'error'))
            .map(e => stringifyEntityRef(e)),
        ).toEqual([]);

        // ... with their relations on both sides.
        const aggregator = await eventually(
          () => getEntity('aiartifact:default/brand-a-sales-aggregator'),
          e => Boolean(e?.relations?.some(r => r.type === 'builtBy')),
        );
        expect(relationsOf(aggregator!)).toEqual(
          expect.arrayContaining([
            'ownedBy group:default/brand-a',
            'builtBy agent:default/brand-a-coder',
            'dependsOn resource:default/sales-warehouse',
            'partOf system:default/sales-analytics',
          ]),
        );

        const agent = await eventually(
          () => getEntity('agent:default/brand-a-coder'),
          e => Boolean(e?.relations?.some(r => r.type === 'hasBuilt')),
        );
        expect(relationsOf(agent!)).toEqual(
          expect.arrayContaining([
            'ownedBy group:default/brand-a',
            'hasBuilt aiartifact:default/brand-a-sales-aggregator',
          ]),
        );

        const annotated = await eventually(
          () => getEntity('component:default/brand-b-sales-api'),
          e => Boolean(e?.relations?.some(r => r.type === 'builtBy')),
        );
        expect(relationsOf(annotated!)).toEqual(
          expect.arrayContaining([
            'builtBy agent:default/brand-b-coder',
            'ownedBy group:default/brand-b',
          ]),
        );

        const team = await getEntity('group:default/brand-a');
        expect(relationsOf(team!)).toEqual(
          expect.arrayContaining([
            'ownerOf aiartifact:default/brand-a-sales-aggregator',
            'ownerOf agent:default/brand-a-coder',
          ]),
        );
        const warehouse = await getEntity('resource:default/sales-warehouse');
        expect(relationsOf(warehouse!)).toEqual(
          expect.arrayContaining([
            'dependencyOf aiartifact:default/brand-a-sales-aggregator',
          ]),
        );

        // Invalid entities registered later fail with errors that name the field and the rule,
        // and the rest of the catalog keeps working.
        // (a restart on the same database, so that brand-a-coder holds its external ids first)
        await backend.stop();
        backend = await start([examples, problems]);
        api = request(backend.server);

        type Unprocessed = {
          unprocessed_entity: Entity;
          errors?: { message: string }[];
        };
        const readFailures = async () => {
          const pending = await api.get(
            '/api/catalog/entities/unprocessed/pending',
          );
          const failed = await api.get(
            '/api/catalog/entities/unprocessed/failed',
          );
          const all: Unprocessed[] = [
            ...pending.body.entities,
            ...failed.body.entities,
          ];
          return Object.fromEntries(
            all
              .filter(u => (u.errors ?? []).length > 0)
              .map(u => [
                stringifyEntityRef(u.unprocessed_entity),
                u.errors!.map(e => e.message).join(' | '),
              ]),
          );
        };
        const failures = await eventually(
          readFailures,
          f => Object.keys(f).length >= 3,
        );
        expect(failures).toEqual({
          'aiartifact:default/ownerless-dashboard': expect.stringContaining(
            'AiArtifact spec.owner is required',
          ),
          'aiartifact:default/badly-built-report': expect.stringContaining(
            'AiArtifact spec.builtBy[1] "agent:default/a b" is not a valid entity reference',
          ),
          'agent:default/copycat-agent': expect.stringContaining(
            'Agent spec.externalIds[0] "brand-a-coder-01" is already used by agent:default/brand-a-coder',
          ),
        });
        expect(
          await getEntity('aiartifact:default/ownerless-dashboard'),
        ).toBeUndefined();
        expect(await getEntity('agent:default/copycat-agent')).toBeUndefined();
        expect(await getEntity('agent:default/brand-a-coder')).toBeDefined();
      } finally {
        await backend.stop();
      }
    },
    180_000,
  );
});
