import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AgentMeshKindsProcessor } from './AgentMeshKindsProcessor';
import { ExternalIdClaims } from '../externalIds/ExternalIdClaims';

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
    dependsOn: ['resource:default/sales-warehouse'],
    system: 'sales-analytics',
  },
};

const agent = (name: string, externalIds: string[]): Entity => ({
  apiVersion: 'agent-mesh.io/v1alpha1',
  kind: 'Agent',
  metadata: { name },
  spec: {
    type: 'coding-agent',
    owner: 'group:default/brand-a',
    lifecycle: 'production',
    system: 'system:default/sales-analytics',
    externalIds,
  },
});

async function emitted(processor: AgentMeshKindsProcessor, entity: Entity) {
  const emit = jest.fn();
  await processor.postProcessEntity(entity, location, emit);
  return {
    relations: emit.mock.calls
      .filter(([r]) => r.type === 'relation')
      .map(
        ([{ relation }]) =>
          `${stringifyEntityRef(relation.source)} ${
            relation.type
          } ${stringifyEntityRef(relation.target)}`,
      ),
    errors: emit.mock.calls
      .filter(([r]) => r.type === 'error')
      .map(([r]) => r.error.message),
  };
}

describe('AgentMeshKindsProcessor', () => {
  const processor = new AgentMeshKindsProcessor();

  it('claims valid Agent and AiArtifact entities and nothing else', async () => {
    await expect(processor.validateEntityKind(artifact)).resolves.toBe(true);
    await expect(processor.validateEntityKind(agent('a', []))).resolves.toBe(
      true,
    );
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

  it('rejects an invalid entity with every problem named', async () => {
    const invalid = {
      ...artifact,
      spec: {
        type: 'aggregator',
        lifecycle: 'production',
        builtBy: ['agent:default/ok', 'agent:default/a b'],
      },
    };
    await expect(processor.validateEntityKind(invalid)).rejects.toThrow(
      'AiArtifact spec.owner is required',
    );
    await expect(
      processor.validateEntityKind({
        ...invalid,
        spec: { ...invalid.spec, owner: 'brand-a' },
      }),
    ).rejects.toThrow(
      'AiArtifact spec.builtBy[1] "agent:default/a b" is not a valid entity reference',
    );
  });

  it('emits ownership, built-by, dependency and system relations of an AiArtifact both ways', async () => {
    const { relations, errors } = await emitted(processor, artifact);
    expect(errors).toEqual([]);
    expect(relations).toEqual([
      'aiartifact:default/brand-a-sales-aggregator ownedBy group:default/brand-a',
      'group:default/brand-a ownerOf aiartifact:default/brand-a-sales-aggregator',
      'aiartifact:default/brand-a-sales-aggregator partOf system:default/sales-analytics',
      'system:default/sales-analytics hasPart aiartifact:default/brand-a-sales-aggregator',
      'aiartifact:default/brand-a-sales-aggregator builtBy agent:default/brand-a-coder',
      'agent:default/brand-a-coder hasBuilt aiartifact:default/brand-a-sales-aggregator',
      'aiartifact:default/brand-a-sales-aggregator dependsOn resource:default/sales-warehouse',
      'resource:default/sales-warehouse dependencyOf aiartifact:default/brand-a-sales-aggregator',
    ]);
  });

  it('emits ownership and system relations of an Agent both ways', async () => {
    const { relations } = await emitted(processor, agent('brand-a-coder', []));
    expect(relations).toEqual([
      'agent:default/brand-a-coder ownedBy group:default/brand-a',
      'group:default/brand-a ownerOf agent:default/brand-a-coder',
      'agent:default/brand-a-coder partOf system:default/sales-analytics',
      'system:default/sales-analytics hasPart agent:default/brand-a-coder',
    ]);
  });

  it.each(['Component', 'API', 'Resource', 'AiResource'])(
    'emits built-by relations for a %s with the built-by annotation',
    async kind => {
      const entity: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind,
        metadata: {
          name: 'sales-api',
          annotations: {
            'agent-mesh.io/built-by':
              'agent:default/brand-b-coder, brand-c-coder',
          },
        },
        spec: { type: 'service', owner: 'brand-b', lifecycle: 'production' },
      };
      const ref = stringifyEntityRef(entity);
      const { relations, errors } = await emitted(processor, entity);
      expect(errors).toEqual([]);
      expect(relations).toEqual([
        `${ref} builtBy agent:default/brand-b-coder`,
        `agent:default/brand-b-coder hasBuilt ${ref}`,
        `${ref} builtBy agent:default/brand-c-coder`,
        `agent:default/brand-c-coder hasBuilt ${ref}`,
      ]);
    },
  );

  it('reports a built-by annotation that names something other than an agent', async () => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'sales-api',
        annotations: { 'agent-mesh.io/built-by': 'user:default/ana' },
      },
      spec: { type: 'service', owner: 'brand-b', lifecycle: 'production' },
    };
    const { relations, errors } = await emitted(processor, entity);
    expect(relations).toEqual([]);
    expect(errors).toEqual([
      'Component metadata.annotations["agent-mesh.io/built-by"] "user:default/ana" must refer to an Agent',
    ]);
  });

  it('leaves entities without the annotation alone', async () => {
    const { relations, errors } = await emitted(processor, {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'plain' },
      spec: { type: 'service', owner: 'brand-b', lifecycle: 'production' },
    });
    expect([...relations, ...errors]).toEqual([]);
  });

  describe('external ids', () => {
    const databases = TestDatabases.create({
      ids: ['POSTGRES_15', 'SQLITE_3'],
    });

    it.each(databases.eachSupportedId())(
      'reports a processing error on the later agent that reuses an external id, on %p',
      async databaseId => {
        const knex = await databases.init(databaseId);
        const claims = await ExternalIdClaims.create({
          database: mockServices.database({ knex }),
          staleAfterMs: 600_000,
        });
        const withClaims = new AgentMeshKindsProcessor(claims);

        expect(
          (await emitted(withClaims, agent('first', ['bot-1', 'bot-2'])))
            .errors,
        ).toEqual([]);
        expect(
          (await emitted(withClaims, agent('second', ['bot-3', 'bot-2'])))
            .errors,
        ).toEqual([
          'Agent spec.externalIds[1] "bot-2" is already used by agent:default/first; external ids must be unique across agents',
        ]);
        expect(
          (await emitted(withClaims, agent('first', ['bot-1', 'bot-2'])))
            .errors,
        ).toEqual([]);
      },
    );

    it.each(databases.eachSupportedId())(
      'holds a typed id in any case of its type and id, on %p',
      async databaseId => {
        const knex = await databases.init(databaseId);
        const claims = await ExternalIdClaims.create({
          database: mockServices.database({ knex }),
          staleAfterMs: 600_000,
        });
        const withClaims = new AgentMeshKindsProcessor(claims);
        const id = 'entra:7f3c2a9e-1b4d-4c8a-9f0e-2d6b8a1c3e5f';
        expect(
          (await emitted(withClaims, agent('first', [id]))).errors,
        ).toEqual([]);
        expect(
          (await emitted(withClaims, agent('second', [id.toUpperCase()])))
            .errors,
        ).toEqual([
          `Agent spec.externalIds[0] "${id.toUpperCase()}" is already used by agent:default/first; external ids must be unique across agents`,
        ]);
        // the same id under another type is another id
        expect(
          (
            await emitted(
              withClaims,
              agent('third', [
                'otel-service:7f3c2a9e-1b4d-4c8a-9f0e-2d6b8a1c3e5f',
              ]),
            )
          ).errors,
        ).toEqual([]);
      },
    );
  });

  it('rejects a typed external id that does not fit its type', async () => {
    await expect(
      processor.validateEntityKind(agent('bad', ['entra:brand-a-coder'])),
    ).rejects.toThrow(
      'Agent spec.externalIds[0] "entra:brand-a-coder" is not a valid entra id; expected the object id of the agent identity, a GUID',
    );
    await expect(
      processor.validateEntityKind(
        agent('fine', ['arn:aws:iam::123456789012:role/coder']),
      ),
    ).resolves.toBe(true);
  });
});
