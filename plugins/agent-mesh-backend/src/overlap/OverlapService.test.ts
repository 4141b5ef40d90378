import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_OVERLAP_CONFIG, OverlapIndex } from './engine';
import { loadExampleEntities } from './engine/__testUtils__/examples';
import { DefaultOverlapService } from './OverlapService';
import { DatabaseOverlapSubjectStore } from './OverlapSubjectStore';
import { reconcileOverlapSubjects } from './reconcile';
import { SyncedOverlapIndex } from './SyncedOverlapIndex';

jest.setTimeout(60_000);

describe('DefaultOverlapService', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setup(options: { reconcile: boolean }) {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseOverlapSubjectStore.create({
      database: mockServices.database({ knex }),
    });
    const inMemory = catalogServiceMock({ entities: loadExampleEntities() });
    const catalog = catalogServiceMock.mock({
      getEntityByRef: jest.fn((ref, opts) =>
        inMemory.getEntityByRef(ref, opts),
      ),
      streamEntities: (req, opts) => inMemory.streamEntities(req, opts),
    });
    const auth = mockServices.auth();
    const config = DEFAULT_OVERLAP_CONFIG;
    if (options.reconcile) {
      await reconcileOverlapSubjects({ catalog, auth, store, config });
    }
    const synced = new SyncedOverlapIndex({
      store,
      createIndex: () => new OverlapIndex({ config }),
      logger: mockServices.logger.mock(),
    });
    await synced.load();
    const service = new DefaultOverlapService({
      synced,
      store,
      catalog,
      auth,
      config,
      logger: mockServices.logger.mock(),
    });
    return { service, catalog, store };
  }

  it('answers overlapsOf from the index only, and lookup from the catalog too', async () => {
    const { service, catalog } = await setup({ reconcile: false });
    const ref = 'aiartifact:default/brand-a-sales-aggregator';
    expect(await service.overlapsOf(ref)).toEqual([]);
    expect(catalog.getEntityByRef).not.toHaveBeenCalled();
    expect(await service.lookup(ref)).toEqual({
      entityRef: ref,
      items: [],
      indexVersion: expect.any(Number),
      // Nothing has reconciled the store with the catalog yet.
      indexReady: false,
      message: expect.any(String),
    });
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(1);
    expect(await service.lookup('aiartifact:default/nope')).toBeUndefined();
  });

  it('gives the scorecards what they read, and takes short owner refs in similar', async () => {
    const { service } = await setup({ reconcile: true });
    const items = await service.overlapsOf(
      'aiartifact:default/brand-a-sales-aggregator',
    );
    expect(items[0]).toEqual(
      expect.objectContaining({
        entityRef: expect.any(String),
        crossTeam: true,
        acknowledged: false,
        score: expect.any(Number),
      }),
    );
    const similar = await service.similar({
      description:
        'Weekly sales roll-up of Shopify orders and Salesforce deals',
      owner: 'brand-a',
      limit: 50,
    });
    // brand-a's own aggregator ranks after every other team's match.
    const refs = similar.map(s => s.owner);
    const own = refs.indexOf('group:default/brand-a');
    expect(own).toBeGreaterThan(0);
    expect(refs.slice(own).every(o => o === 'group:default/brand-a')).toBe(
      true,
    );
  });

  it('tells the index version, which moves when any indexed entity changes', async () => {
    const { service, store } = await setup({ reconcile: true });
    const ref = 'aiartifact:default/brand-a-sales-aggregator';
    const first = (await service.lookup(ref))!;
    expect(first.indexVersion).toEqual(expect.any(Number));
    expect((await service.lookup(ref))!.indexVersion).toBe(first.indexVersion);
    const other = (await store.loadAll()).entries.find(
      e => e.entityRef !== ref,
    )!;
    await store.write({ upserts: [{ ...other, description: 'changed' }] });
    expect((await service.lookup(ref))!.indexVersion).toBeGreaterThan(
      first.indexVersion!,
    );
  });
});
