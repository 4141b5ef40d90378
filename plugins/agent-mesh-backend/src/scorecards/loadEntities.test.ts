import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { loadExampleEntities } from './__testUtils__/examples';
import { loadAllEntities } from './loadEntities';

describe('loadAllEntities', () => {
  it('reads every entity, page by page', async () => {
    const entities = loadExampleEntities();
    const catalog = catalogServiceMock({ entities });
    const spy = jest.spyOn(catalog, 'queryEntities');
    const loaded = await loadAllEntities(catalog, mockCredentials.service(), 7);
    expect(loaded.map(e => e.metadata.name).sort()).toEqual(
      entities.map(e => e.metadata.name).sort(),
    );
    expect(spy).toHaveBeenCalledTimes(Math.ceil(entities.length / 7));
  });
});
