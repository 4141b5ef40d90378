import { Entity } from '@backstage/catalog-model';
import {
  acknowledgedOverlapsOf,
  entryFromEntity,
  hashEntry,
  isAcknowledged,
} from './entry';
import { loadExampleEntities } from './engine/__testUtils__/examples';

const component = (annotations: Record<string, string>, spec = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'c', namespace: 'team-ns', annotations },
  spec: { type: 'service', owner: 'brand-a', ...spec },
});

describe('acknowledgedOverlapsOf', () => {
  it('reads spec.acknowledgedOverlaps of an AiArtifact', () => {
    const studio = loadExampleEntities().find(
      e => e.metadata.name === 'campaign-copy-studio',
    )!;
    expect(acknowledgedOverlapsOf(studio)).toEqual([
      'aiartifact:default/brand-c-product-copy-writer',
    ]);
  });

  it('reads the comma-separated annotation, defaults the namespace and skips bad refs', () => {
    expect(
      acknowledgedOverlapsOf(
        component({
          'agent-mesh.io/acknowledged-overlaps':
            ' AiArtifact:default/x ,component:y,, no-kind , api:default/z',
        }),
      ),
    ).toEqual(['aiartifact:default/x', 'api:default/z', 'component:team-ns/y']);
  });
});

describe('entryFromEntity', () => {
  it('writes the owner as a full ref and keeps the acknowledged refs', () => {
    const entry = entryFromEntity(
      component({
        'agent-mesh.io/built-by': 'agent:default/a',
        'agent-mesh.io/acknowledged-overlaps': 'component:default/d',
      }),
    );
    expect(entry).toMatchObject({
      entityRef: 'component:team-ns/c',
      owner: 'group:team-ns/brand-a',
      acknowledged: ['component:default/d'],
    });
  });

  it('hashes equal entries alike, whatever the key order', () => {
    const entry = entryFromEntity(component({}));
    const reordered = Object.fromEntries(
      Object.entries(entry).reverse(),
    ) as typeof entry;
    expect(hashEntry(reordered)).toBe(hashEntry(entry));
    expect(hashEntry({ ...entry, title: 'other' })).not.toBe(hashEntry(entry));
  });

  it('treats a pair as acknowledged when either side names the other', () => {
    const a = { ...entryFromEntity(component({})), entityRef: 'x:default/a' };
    const b = {
      ...entryFromEntity(component({})),
      entityRef: 'x:default/b',
      acknowledged: ['x:default/a'],
    };
    expect(isAcknowledged(a, b)).toBe(true);
    expect(isAcknowledged(b, a)).toBe(true);
    expect(isAcknowledged(a, { ...b, acknowledged: [] })).toBe(false);
  });
});
