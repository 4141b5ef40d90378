import { validateEntity } from './validateEntity';

const agent = (spec: object) => ({
  apiVersion: 'agent-mesh.io/v1alpha1',
  kind: 'Agent',
  metadata: { name: 'coder' },
  spec,
});
const artifact = (spec: object) => ({
  apiVersion: 'agent-mesh.io/v1alpha1',
  kind: 'AiArtifact',
  metadata: { name: 'tool' },
  spec,
});
const component = (metadata: object, spec: object) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'svc', ...metadata },
  spec,
});
const validComponentSpec = {
  type: 'service',
  lifecycle: 'production',
  owner: 'group:default/platform',
};

describe('validateEntity', () => {
  it('accepts valid Agent and AiArtifact entities', async () => {
    expect(
      await validateEntity(
        agent({
          type: 'coding-agent',
          owner: 'platform',
          lifecycle: 'production',
        }),
      ),
    ).toEqual([]);
    expect(
      await validateEntity(
        artifact({
          type: 'aggregator',
          owner: 'group:default/brand-a',
          lifecycle: 'proposed',
          builtBy: ['agent:default/coder', 'other-coder'],
        }),
      ),
    ).toEqual([]);
  });

  it.each([
    [
      'Domain',
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Domain',
        metadata: { name: 'sales' },
        spec: { owner: 'group:default/brands' },
      },
    ],
    [
      'Location',
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Location',
        metadata: { name: 'all' },
        spec: { targets: ['./org.yaml'] },
      },
    ],
    [
      'Resource',
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'db' },
        spec: { type: 'database', owner: 'group:default/platform' },
      },
    ],
    [
      'Template',
      {
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        kind: 'Template',
        metadata: { name: 'new-service' },
        spec: { type: 'service', steps: [] },
      },
    ],
    [
      'AiResource',
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'AiResource',
        metadata: {
          name: 'review-skill',
          annotations: { 'agent-mesh.io/built-by': 'agent:default/coder' },
        },
        spec: {
          type: 'skill',
          owner: 'group:default/platform',
          lifecycle: 'production',
        },
      },
    ],
  ])('accepts a valid %s', async (_kind, entity) => {
    expect(await validateEntity(entity)).toEqual([]);
  });

  it("reports Backstage's own kind validation error", async () => {
    expect(
      await validateEntity({
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        kind: 'Template',
        metadata: { name: 'new-service' },
        spec: { type: 'service' },
      }),
    ).toEqual([
      "/spec must have required property 'steps' - missingProperty: steps",
    ]);
  });

  it('reports every Agent Mesh problem, one message each', async () => {
    expect(
      await validateEntity(
        agent({
          type: '',
          owner: 'platform',
          lifecycle: 'live',
          externalIds: ['a', 'a'],
        }),
      ),
    ).toEqual([
      'Agent spec.type must not be empty',
      'Agent spec.lifecycle must be one of proposed, experimental, production, deprecated',
      'Agent spec.externalIds must not list the same value twice (items 0 and 1)',
    ]);
  });

  it('reports refs of the wrong kind', async () => {
    expect(
      await validateEntity(
        artifact({
          type: 'tool',
          owner: 'agent:default/coder',
          lifecycle: 'production',
          builtBy: ['user:default/jane'],
        }),
      ),
    ).toEqual([
      'AiArtifact spec.owner "agent:default/coder" must refer to a Group or User',
      'AiArtifact spec.builtBy[0] "user:default/jane" must refer to an Agent',
    ]);
  });

  it('reports both a Backstage kind error and a built-by annotation error', async () => {
    expect(
      await validateEntity(
        component(
          { annotations: { 'agent-mesh.io/built-by': 'group:default/x' } },
          { type: 'service', lifecycle: 'production' },
        ),
      ),
    ).toEqual([
      "/spec must have required property 'owner' - missingProperty: owner",
      'Component metadata.annotations["agent-mesh.io/built-by"] "group:default/x" must refer to an Agent',
    ]);
  });

  it('reports an empty built-by annotation', async () => {
    expect(
      await validateEntity(
        component(
          { annotations: { 'agent-mesh.io/built-by': ' , ' } },
          validComponentSpec,
        ),
      ),
    ).toEqual([
      'Component metadata.annotations["agent-mesh.io/built-by"] must list at least one Agent ref',
    ]);
  });

  it('stops at the entity policy, as the catalog does', async () => {
    expect(
      await validateEntity(
        component(
          {
            name: 'bad name',
            annotations: { 'agent-mesh.io/built-by': 'group:default/x' },
          },
          {},
        ),
      ),
    ).toEqual([
      expect.stringMatching(
        /^"metadata.name" is not valid; .* but found "bad name"\./,
      ),
    ]);
  });

  it.each([
    [
      'a missing apiVersion',
      { kind: 'Component', metadata: { name: 'x' }, spec: {} },
      "Malformed envelope, <root> must have required property 'apiVersion'",
    ],
    [
      'an unknown root field',
      { ...component({}, validComponentSpec), status2: {} },
      'Malformed envelope, <root> must NOT have additional properties',
    ],
    [
      'a bad label',
      component({ labels: { 'a b': 'c' } }, validComponentSpec),
      expect.stringMatching(/^"labels.a b" is not valid; /),
    ],
    [
      'a bad namespace',
      component({ namespace: 'Sales Team' }, validComponentSpec),
      expect.stringMatching(/^"metadata.namespace" is not valid; /),
    ],
  ])('reports %s', async (_what, entity, message) => {
    expect(await validateEntity(entity)).toEqual([message]);
  });

  it('reports an unknown kind, and an unknown version of a known kind', async () => {
    expect(
      await validateEntity({
        apiVersion: 'example.com/v1',
        kind: 'Robot',
        metadata: { name: 'r2' },
      }),
    ).toEqual(['unknown kind "Robot" (apiVersion "example.com/v1")']);
    expect(
      await validateEntity({
        ...agent({ type: 't', owner: 'o', lifecycle: 'production' }),
        apiVersion: 'agent-mesh.io/v1beta1',
      }),
    ).toEqual(['unknown kind "Agent" (apiVersion "agent-mesh.io/v1beta1")']);
  });

  it('reports a document that is not an object', async () => {
    expect(await validateEntity(['a', 'b'])).toEqual([
      'expected an entity object at the root of the document, got a list',
    ]);
    expect(await validateEntity('hello')).toEqual([
      'expected an entity object at the root of the document, got a string',
    ]);
  });

  it('does not change the entity it is given', async () => {
    const entity = component({}, validComponentSpec);
    const copy = JSON.parse(JSON.stringify(entity));
    await validateEntity(entity);
    expect(entity).toEqual(copy);
  });
});
