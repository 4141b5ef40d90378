import { OverlapSubject } from '@agent-mesh/plugin-agent-mesh-node';
import { toDocument } from './document';
import { overlapKind } from './overlapKind';

const doc = (integrations: string[], description = 'tracks exceptions') =>
  toDocument({
    entityRef: 'aiartifact:default/x',
    kind: 'AiArtifact',
    title: '',
    description,
    purpose: '',
    tags: [],
    integrations,
    dependencies: [],
  } as OverlapSubject);

describe('overlapKind', () => {
  it('calls the same product twice a duplicate', () => {
    expect(overlapKind(doc(['sentry']), doc(['Sentry']))).toEqual({
      kind: 'duplicate',
    });
    expect(
      overlapKind(doc(['shopify', 'salesforce']), doc(['shopify', 'hubspot'])),
    ).toEqual({ kind: 'duplicate' });
  });

  it('calls the same job with other products an alternative, and says which', () => {
    expect(overlapKind(doc(['sentry']), doc(['rollbar']))).toEqual({
      kind: 'alternative',
      reason: 'both do error tracking: sentry here, rollbar there',
    });
    // Products the engine does not know are products all the same.
    expect(overlapKind(doc(['airtable']), doc(['notion']))).toEqual({
      kind: 'alternative',
      reason: 'the same job with other products: airtable here, notion there',
    });
  });

  it('lets the job products decide before the platforms', () => {
    // Both on GitHub, but each with its own error tracker.
    expect(
      overlapKind(doc(['github', 'sentry']), doc(['github', 'rollbar'])).kind,
    ).toBe('alternative');
    // Only platforms: the same one is a duplicate, different ones are alternatives.
    expect(overlapKind(doc(['github']), doc(['github'])).kind).toBe(
      'duplicate',
    );
    expect(overlapKind(doc(['github']), doc(['bitbucket'])).kind).toBe(
      'alternative',
    );
  });

  it('reads a platform that an artifact is a connector to as its product', () => {
    const titled = (title: string, description: string, systems: string[]) =>
      toDocument({
        entityRef: 'aiartifact:default/x',
        kind: 'AiArtifact',
        title,
        description,
        purpose: '',
        tags: [],
        integrations: systems,
        dependencies: [],
      } as OverlapSubject);
    const aws = titled('AWS', 'Manage the resources of an account', ['aws']);
    const redis = titled('Redis', 'Keys of a cache that runs on AWS', [
      'redis',
    ]);
    // The AWS connector's product is AWS; the Redis server only runs there.
    expect(overlapKind(aws, redis)).toEqual({
      kind: 'alternative',
      reason: 'the same job with other products: aws here, redis there',
    });
    const awsAgain = titled('AWS MCP', 'Best practices for AWS', ['aws']);
    expect(overlapKind(aws, awsAgain).kind).toBe('duplicate');
  });

  it('calls the same job a duplicate when a side is tied to no product', () => {
    expect(overlapKind(doc([]), doc(['sentry'])).kind).toBe('duplicate');
    expect(overlapKind(doc([]), doc([])).kind).toBe('duplicate');
  });

  it('reads systems named in the text as the products they are', () => {
    expect(
      overlapKind(doc([], 'Sentry issues'), doc([], 'Rollbar errors')).kind,
    ).toBe('alternative');
  });
});
