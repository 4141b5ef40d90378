import { entityPageUrl } from './entityPageUrl';

describe('entityPageUrl', () => {
  it('writes the catalog route with namespace and kind in lower case', () => {
    expect(entityPageUrl('AiArtifact:Default/brand-a-sales-aggregator')).toBe(
      '/catalog/default/aiartifact/brand-a-sales-aggregator',
    );
    expect(
      entityPageUrl({ kind: 'Component', namespace: 'ops', name: 'Billing' }),
    ).toBe('/catalog/ops/component/Billing');
  });

  it('puts the app base URL in front, without doubling its slash', () => {
    expect(
      entityPageUrl('agent:default/coder', {
        baseUrl: 'https://portal.example.com/',
      }),
    ).toBe('https://portal.example.com/catalog/default/agent/coder');
  });

  it('encodes each part', () => {
    expect(entityPageUrl('component:default/a#b')).toBe(
      '/catalog/default/component/a%23b',
    );
  });

  it('refuses what is not an entity ref', () => {
    expect(() => entityPageUrl('no-kind')).toThrow();
  });
});
