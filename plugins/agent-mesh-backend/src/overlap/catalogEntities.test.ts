import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { streamEligibleEntities } from './catalogEntities';
import { loadExampleEntities } from './engine/__testUtils__/examples';
import { DEFAULT_OVERLAP_CONFIG } from './engine';

async function collect(entities: Entity[], types: string[] = []) {
  const out: string[] = [];
  for await (const page of streamEligibleEntities({
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    config: { kinds: DEFAULT_OVERLAP_CONFIG.kinds, types },
  })) {
    out.push(...page.map(e => `${e.kind}:${e.metadata.name}`));
  }
  return out.sort();
}

describe('streamEligibleEntities', () => {
  it('pages through AiArtifacts and annotated entities of the configured kinds', async () => {
    const found = await collect(loadExampleEntities());
    expect(found).toHaveLength(13);
    expect(found).toContain('Component:brand-b-sales-api');
    expect(found).toContain('AiArtifact:weekly-sales-digest');
    expect(found).not.toContain('Component:checkout-service');
  });

  it('includes entities of a configured spec.type without the annotation', async () => {
    const dashboard: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'dash' },
      spec: { type: 'dashboard', owner: 'group:default/a' },
    };
    expect(await collect([dashboard])).toEqual([]);
    expect(await collect([dashboard], ['dashboard'])).toEqual([
      'Component:dash',
    ]);
  });
});
