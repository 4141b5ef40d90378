import { Entity } from '@backstage/catalog-model';
import fc from 'fast-check';
import { validateAgentMeshEntity } from './validation';

/** Values of any shape, and the ones a YAML author gets wrong most: refs, lists, nulls. */
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    'group:default/brand-a',
    'agent:default/coder',
    'user:',
    ':/',
    'Group:Default/X',
    '',
    ' ',
    'a'.repeat(300),
  ),
  fc.array(fc.oneof(fc.string(), fc.constant(null), fc.integer()), {
    maxLength: 4,
  }),
);

const spec = fc.dictionary(
  fc.constantFrom(
    'type',
    'owner',
    'lifecycle',
    'sponsor',
    'model',
    'provider',
    'system',
    'capabilities',
    'externalIds',
    'version',
    'skills',
    'interfaces',
    'builtBy',
    'purpose',
    'integrations',
    'dependsOn',
    'reviewers',
    'dataClassification',
    'acknowledgedOverlaps',
    'unknownField',
  ),
  value,
);

const entity = fc.record({
  apiVersion: fc.constantFrom(
    'agent-mesh.io/v1alpha1',
    'backstage.io/v1alpha1',
  ),
  kind: fc.constantFrom('Agent', 'AiArtifact', 'Component', 'API', 'Group'),
  metadata: fc.record({
    name: fc.string({ minLength: 1, maxLength: 20 }),
    namespace: fc.option(fc.constantFrom('default', 'other'), {
      nil: undefined,
    }),
    annotations: fc.option(
      fc.dictionary(
        fc.constantFrom('agent-mesh.io/built-by', 'other/annotation'),
        fc.string({ maxLength: 60 }),
      ),
      { nil: undefined },
    ),
  }),
  spec: fc.oneof(spec, fc.constant(null), fc.string(), fc.array(fc.string())),
});

describe('validateAgentMeshEntity under arbitrary input', () => {
  it('never throws, and every problem names a field and says what is wrong', () => {
    fc.assert(
      fc.property(entity, e => {
        const problems = validateAgentMeshEntity(e as unknown as Entity);
        for (const problem of problems) {
          expect(typeof problem.path).toBe('string');
          expect(problem.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
