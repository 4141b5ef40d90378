import { Entity } from '@backstage/catalog-model';
import { isOverlapEligible, subjectFromEntity } from './subject';
import { loadExampleEntities } from './__testUtils__/examples';

const entities = loadExampleEntities();
const byName = (name: string) => entities.find(e => e.metadata.name === name)!;

describe('subjectFromEntity', () => {
  it('takes an AiArtifact from its spec', () => {
    expect(subjectFromEntity(byName('brand-b-sales-rollup'))).toEqual({
      entityRef: 'aiartifact:default/brand-b-sales-rollup',
      kind: 'AiArtifact',
      title: 'Brand B Weekly Revenue Roll-up',
      description: expect.stringContaining('SFDC opportunities'),
      purpose: expect.stringContaining('single revenue number'),
      type: 'aggregator',
      owner: 'group:default/brand-b',
      tags: ['revenue', 'sales', 'finance'],
      integrations: ['shopify', 'salesforce', 'snowflake'],
      dependencies: ['resource:default/sales-warehouse'],
    });
  });

  it('takes an annotated Component from metadata, type, dependencies, APIs and tags', () => {
    const subject = subjectFromEntity(byName('brand-b-sales-api'));
    expect(subject).toMatchObject({
      entityRef: 'component:default/brand-b-sales-api',
      kind: 'Component',
      type: 'service',
      owner: 'group:default/brand-b',
      purpose: '',
      integrations: ['shopify', 'salesforce'],
      dependencies: [
        'resource:default/sales-warehouse',
        'api:default/sales-rollup-api',
      ],
    });
  });

  it('copes with an entity that has almost nothing', () => {
    expect(subjectFromEntity(byName('competitor-price-scraper'))).toMatchObject(
      {
        title: 'competitor-price-scraper',
        description: '',
        purpose: '',
        tags: [],
        integrations: [],
        dependencies: [],
      },
    );
  });
});

describe('isOverlapEligible', () => {
  const component = (
    annotations: Record<string, string>,
    type = 'service',
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'c', annotations },
    spec: { type, owner: 'group:default/x', lifecycle: 'production' },
  });

  it('takes AiArtifacts and annotated entities of the configured kinds', () => {
    expect(isOverlapEligible(byName('weekly-sales-digest'))).toBe(true);
    expect(isOverlapEligible(byName('brand-b-sales-api'))).toBe(true);
    expect(isOverlapEligible(byName('checkout-service'))).toBe(false);
    expect(isOverlapEligible(byName('sales-warehouse'))).toBe(false);
    expect(isOverlapEligible(byName('brand-a-coder'))).toBe(false);
    const annotated = component({
      'agent-mesh.io/built-by': 'agent:default/a',
    });
    expect(isOverlapEligible(annotated, { kinds: ['API'] })).toBe(false);
  });

  it('takes entities of a configured spec.type without the annotation', () => {
    expect(
      isOverlapEligible(component({}, 'dashboard'), { types: ['dashboard'] }),
    ).toBe(true);
  });
});
