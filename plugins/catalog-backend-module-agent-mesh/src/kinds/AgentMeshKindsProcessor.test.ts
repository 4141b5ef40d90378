import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { AgentMeshKindsProcessor } from './AgentMeshKindsProcessor';

const location = {
  type: 'url',
  target: 'http://example.com/catalog-info.yaml',
};

const artifact: Entity = {
  apiVersion: 'agent-mesh.io/v1alpha1',
  kind: 'AiArtifact',
  metadata: { name: 'brand-a-sales-aggregator' },
  spec: {
    type: 'aggregator',
    owner: 'brand-a',
    lifecycle: 'production',
    builtBy: ['agent:default/brand-a-coder'],
  },
};

describe('AgentMeshKindsProcessor', () => {
  const processor = new AgentMeshKindsProcessor();

  it('claims the Agent and AiArtifact kinds and nothing else', async () => {
    await expect(processor.validateEntityKind(artifact)).resolves.toBe(true);
    await expect(
      processor.validateEntityKind({ ...artifact, kind: 'Agent' }),
    ).resolves.toBe(true);
    await expect(
      processor.validateEntityKind({ ...artifact, kind: 'Component' }),
    ).resolves.toBe(false);
    await expect(
      processor.validateEntityKind({
        ...artifact,
        apiVersion: 'backstage.io/v1alpha1',
      }),
    ).resolves.toBe(false);
  });

  it('emits ownership and built-by relations in both directions', async () => {
    const emit = jest.fn();
    await processor.postProcessEntity(artifact, location, emit);

    const relations = emit.mock.calls.map(
      ([{ relation }]) =>
        `${stringifyEntityRef(relation.source)} ${
          relation.type
        } ${stringifyEntityRef(relation.target)}`,
    );
    expect(relations).toEqual([
      'aiartifact:default/brand-a-sales-aggregator ownedBy group:default/brand-a',
      'group:default/brand-a ownerOf aiartifact:default/brand-a-sales-aggregator',
      'aiartifact:default/brand-a-sales-aggregator builtBy agent:default/brand-a-coder',
      'agent:default/brand-a-coder hasBuilt aiartifact:default/brand-a-sales-aggregator',
    ]);
  });

  it('leaves other kinds alone', async () => {
    const emit = jest.fn();
    await processor.postProcessEntity(
      { ...artifact, kind: 'Component' },
      location,
      emit,
    );
    expect(emit).not.toHaveBeenCalled();
  });
});
