import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleAiModel from '@backstage/plugin-catalog-backend-module-ai-model';
import catalogModuleAgentMesh from '@agent-mesh/plugin-catalog-backend-module-agent-mesh';

const examplesDir = resolve(__dirname, '../../../examples');

/** Every entity that the demo organisation's files declare, by ref. */
function declaredEntityRefs(): string[] {
  const location = parseAllDocuments(
    readFileSync(resolve(examplesDir, 'all.yaml'), 'utf8'),
  )[0].toJS();
  const refs = [stringifyEntityRef(location)];
  for (const target of location.spec.targets as string[]) {
    for (const doc of parseAllDocuments(
      readFileSync(resolve(examplesDir, target), 'utf8'),
    )) {
      const entity = doc.toJS() as Entity | null;
      if (entity) refs.push(stringifyEntityRef(entity));
    }
  }
  return refs.sort();
}

describe('the demo organisation in the real catalog', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'loads every example entity with no processing error, on %p',
    async (databaseId: TestDatabaseId) => {
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleAiModel,
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
                      'AiResource',
                      'Agent',
                      'AiArtifact',
                    ],
                  },
                ],
                locations: [
                  { type: 'file', target: resolve(examplesDir, 'all.yaml') },
                ],
              },
            },
          }),
        ],
      });

      try {
        const expected = declaredEntityRefs();
        let entities: AlphaEntity[] = [];
        for (let attempt = 0; attempt < 120; attempt++) {
          const res = await request(backend.server).get(
            '/api/catalog/entities',
          );
          entities = res.body;
          if (entities.length >= expected.length + 1) break; // + the root location
          await new Promise(r => setTimeout(r, 500));
        }

        const loaded = entities
          .map(e => stringifyEntityRef(e))
          .filter(ref => !ref.startsWith('location:default/generated-'));
        expect(loaded.sort()).toEqual(expected);

        const withErrors = entities.filter(e =>
          (e.status?.items ?? []).some(item => item.level === 'error'),
        );
        expect(withErrors.map(e => stringifyEntityRef(e))).toEqual([]);

        const groups = await request(backend.server).get(
          '/api/catalog/entities/by-query?filter=kind=group&fields=metadata.name',
        );
        expect(
          groups.body.items.map((g: Entity) => g.metadata.name).sort(),
        ).toEqual(
          expect.arrayContaining([
            'marketing',
            'operations',
            'brand-a',
            'brand-b',
            'brand-c',
            'platform',
          ]),
        );
      } finally {
        await backend.stop();
      }
    },
    120_000,
  );
});
