import { Entity } from '@backstage/catalog-model';
import { isOverlapEligible } from './eligibility';

function entity(
  kind: string,
  options: { builtBy?: boolean; type?: string; apiVersion?: string } = {},
): Entity {
  return {
    apiVersion: options.apiVersion ?? 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name: 'x',
      ...(options.builtBy
        ? { annotations: { 'agent-mesh.io/built-by': 'agent:default/coder' } }
        : {}),
    },
    spec: options.type ? { type: options.type } : {},
  };
}

describe('isOverlapEligible', () => {
  it('takes every AiArtifact', () => {
    expect(
      isOverlapEligible(
        entity('AiArtifact', { apiVersion: 'agent-mesh.io/v1alpha1' }),
      ),
    ).toBe(true);
  });

  it('takes the default kinds with the built-by annotation, and not a Resource', () => {
    for (const kind of ['Component', 'API', 'AiResource']) {
      expect(isOverlapEligible(entity(kind, { builtBy: true }))).toBe(true);
      expect(isOverlapEligible(entity(kind))).toBe(false);
    }
    expect(isOverlapEligible(entity('Resource', { builtBy: true }))).toBe(
      false,
    );
  });

  it('follows configured kinds, in any case, and configured types', () => {
    const options = { kinds: ['resource', 'Component'], types: ['service'] };
    expect(
      isOverlapEligible(entity('Resource', { builtBy: true }), options),
    ).toBe(true);
    expect(
      isOverlapEligible(entity('Component', { type: 'service' }), options),
    ).toBe(true);
    expect(
      isOverlapEligible(entity('Component', { type: 'website' }), options),
    ).toBe(false);
    expect(isOverlapEligible(entity('API', { builtBy: true }), options)).toBe(
      false,
    );
  });
});
