import { Entity } from '@backstage/catalog-model';
import { validateAgentMeshEntity } from './validation';

const artifact = (
  spec: Record<string, unknown>,
  extra: Partial<Entity> = {},
): Entity => ({
  apiVersion: 'agent-mesh.io/v1alpha1',
  kind: 'AiArtifact',
  metadata: { name: 'brand-a-sales-aggregator' },
  spec: {
    type: 'aggregator',
    owner: 'group:default/brand-a',
    lifecycle: 'production',
    ...spec,
  },
  ...extra,
});

const agent = (spec: Record<string, unknown>): Entity => ({
  apiVersion: 'agent-mesh.io/v1alpha1',
  kind: 'Agent',
  metadata: { name: 'brand-a-coder' },
  spec: {
    type: 'coding-agent',
    owner: 'brand-a',
    lifecycle: 'production',
    ...spec,
  },
});

const messages = (entity: Entity) =>
  validateAgentMeshEntity(entity).map(p => p.message);

describe('validateAgentMeshEntity', () => {
  it('accepts a complete AiArtifact and a complete Agent', () => {
    expect(
      messages(
        artifact({
          builtBy: ['agent:default/brand-a-coder', 'brand-a-reviewer-bot'],
          purpose: 'Weekly sales roll-up for the brand leads.',
          integrations: ['shopify', 'salesforce'],
          system: 'sales-analytics',
          dependsOn: ['resource:default/sales-warehouse'],
          reviewers: ['user:default/ben-carter', 'group:default/platform'],
          dataClassification: 'internal',
          acknowledgedOverlaps: [
            {
              entityRef: 'aiartifact:default/brand-b-sales-rollup',
              reason: 'different brands',
            },
          ],
        }),
      ),
    ).toEqual([]);
    expect(
      messages(
        agent({
          sponsor: 'user:default/ana-lopez',
          model: 'claude-sonnet',
          provider: 'anthropic',
          system: 'system:default/sales-analytics',
          capabilities: ['code', 'pull-requests'],
          externalIds: ['brand-a-coder-01', 'brand-a-bot'],
          version: '2.3.0',
          skills: [
            {
              id: 'open-pr',
              name: 'Open pull requests',
              description: 'Opens a pull request for a change',
              tags: ['git', 'Pull Requests'],
              examples: ['Open a PR that bumps the version'],
            },
          ],
          interfaces: [
            {
              url: 'https://agents.acme.example/coder/a2a/v1',
              protocolBinding: 'JSONRPC',
              protocolVersion: '1.0',
            },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it.each(['type', 'owner', 'lifecycle'])('requires spec.%s', field => {
    const entity = artifact({});
    delete (entity.spec as Record<string, unknown>)[field];
    expect(messages(entity)).toEqual([`AiArtifact spec.${field} is required`]);

    const anAgent = agent({});
    delete (anAgent.spec as Record<string, unknown>)[field];
    expect(messages(anAgent)).toEqual([`Agent spec.${field} is required`]);
  });

  it('requires a spec at all', () => {
    expect(messages({ ...artifact({}), spec: undefined })).toEqual([
      'AiArtifact spec is required',
    ]);
  });

  it('names the item of a list that is not a valid entity reference', () => {
    expect(
      messages(
        artifact({
          builtBy: ['agent:default/brand-a-coder', 'agent:default/a b'],
        }),
      ),
    ).toEqual([
      'AiArtifact spec.builtBy[1] "agent:default/a b" is not a valid entity reference',
    ]);
  });

  it('checks the kind that each reference points to', () => {
    expect(
      messages(
        artifact({
          owner: 'component:default/sales-api',
          builtBy: ['user:default/ana-lopez'],
          reviewers: ['agent:default/brand-a-coder'],
          system: 'component:default/x',
        }),
      ),
    ).toEqual([
      'AiArtifact spec.owner "component:default/sales-api" must refer to a Group or User',
      'AiArtifact spec.system "component:default/x" must refer to a System',
      'AiArtifact spec.builtBy[0] "user:default/ana-lopez" must refer to an Agent',
      'AiArtifact spec.reviewers[0] "agent:default/brand-a-coder" must refer to a User or Group',
    ]);
    expect(messages(agent({ sponsor: 'team:default/brand-a' }))).toEqual([
      'Agent spec.sponsor "team:default/brand-a" must refer to a User or Group',
    ]);
  });

  it('takes a User or a Group as sponsor, a bare name meaning a User', () => {
    for (const sponsor of [
      'user:default/ana-lopez',
      'ana-lopez',
      'group:default/brand-a',
    ]) {
      expect(messages(agent({ sponsor }))).toEqual([]);
    }
  });

  it('accepts typed external ids of the known types next to untyped ones', () => {
    expect(
      messages(
        agent({
          externalIds: [
            'brand-a-bot',
            'entra:7f3c2a9e-1b4d-4c8a-9f0e-2d6b8a1c3e5f',
            'Entra:0F3C2A9E-1B4D-4C8A-9F0E-2D6B8A1C3E5F',
            'aws-agentcore:brand-a-coder',
            'aws-agentcore:arn:aws:bedrock-agentcore:eu-west-1:123456789012:workload-identity-directory/default/workload-identity/brand-a-coder',
            'a2a:https://agents.example.com/brand-a/.well-known/agent-card.json',
            'otel-service:brand-a-coder',
            // an unknown type before the colon: an untyped id, as written
            'arn:aws:iam::123456789012:role/brand-a-coder',
            'github-app:brand-a-coder[bot]',
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('names a typed external id whose id does not fit its type', () => {
    expect(
      messages(
        agent({
          externalIds: [
            'entra:brand-a-coder',
            'entra:',
            'aws-agentcore:brand a coder',
            'a2a:https://agents.example.com/brand a',
            'otel-service: brand-a-coder',
          ],
        }),
      ),
    ).toEqual([
      'Agent spec.externalIds[0] "entra:brand-a-coder" is not a valid entra id; expected the object id of the agent identity, a GUID',
      'Agent spec.externalIds[1] "entra:" names the type entra but no id after it; expected the object id of the agent identity, a GUID',
      'Agent spec.externalIds[2] "aws-agentcore:brand a coder" is not a valid aws-agentcore id; expected a workload identity name (letters, digits, ".", "_", "-") or its arn:aws:bedrock-agentcore:... ARN',
      'Agent spec.externalIds[3] "a2a:https://agents.example.com/brand a" is not a valid a2a id; expected the agent card URL or agent name, without spaces',
      'Agent spec.externalIds[4] "otel-service: brand-a-coder" is not a valid otel-service id; expected the service.name, without leading or trailing spaces',
    ]);
  });

  it('refuses one external id listed twice in different case', () => {
    expect(
      messages(agent({ externalIds: ['Brand-A-Bot', 'x', 'brand-a-bot'] })),
    ).toEqual([
      'Agent spec.externalIds lists one id twice, in different case (items 0 and 2); ids are matched without regard to case',
    ]);
  });

  it('requires dependsOn and acknowledged overlaps to name their kind', () => {
    expect(
      messages(
        artifact({
          dependsOn: ['sales-warehouse'],
          acknowledgedOverlaps: [
            { entityRef: 'brand-b-sales-rollup', reason: 'kept' },
          ],
        }),
      ),
    ).toEqual([
      'AiArtifact spec.dependsOn[0] "sales-warehouse" is not a valid entity reference',
      'AiArtifact spec.acknowledgedOverlaps[0].entityRef "brand-b-sales-rollup" is not a valid entity reference',
    ]);
  });

  it('names wrong types, empty values, unknown lifecycles and repeats', () => {
    expect(messages(agent({ externalIds: 'brand-a-bot' }))).toEqual([
      'Agent spec.externalIds must be a list',
    ]);
    expect(messages(artifact({ purpose: '' }))).toEqual([
      'AiArtifact spec.purpose must not be empty',
    ]);
    expect(messages(artifact({ lifecycle: 'beta' }))).toEqual([
      'AiArtifact spec.lifecycle must be one of proposed, experimental, production, deprecated',
    ]);
    expect(messages(artifact({ integrations: ['shopify', 42] }))).toEqual([
      'AiArtifact spec.integrations[1] must be a string',
    ]);
    expect(messages(agent({ externalIds: ['bot', 'bot'] }))).toEqual([
      'Agent spec.externalIds must not list the same value twice (items 0 and 1)',
    ]);
    expect(
      messages(
        artifact({
          acknowledgedOverlaps: [{ entityRef: 'aiartifact:default/x' }],
        }),
      ),
    ).toEqual(['AiArtifact spec.acknowledgedOverlaps[0].reason is required']);
  });

  it('names the item and field of a malformed skill or interface', () => {
    expect(
      messages(
        agent({
          skills: [
            { id: 'open-pr', name: 'Open PRs', tags: 'git' },
            { id: '' },
          ],
          interfaces: [{ url: 'https://agents.acme.example/a2a' }],
        }),
      ),
    ).toEqual([
      'Agent spec.skills[0].tags must be a list',
      'Agent spec.skills[1].name is required',
      'Agent spec.skills[1].id must not be empty',
      'Agent spec.interfaces[0].protocolBinding is required',
    ]);
  });

  it('reports reference problems alongside schema problems', () => {
    expect(
      messages(
        artifact({
          owner: 'agent:default/x',
          builtBy: ['brand-a-coder', 'brand-a-coder'],
        }),
      ),
    ).toEqual([
      'AiArtifact spec.builtBy must not list the same value twice (items 0 and 1)',
      'AiArtifact spec.owner "agent:default/x" must refer to a Group or User',
    ]);
  });

  it('reports every problem at once', () => {
    const entity = artifact({
      lifecycle: 'beta',
      builtBy: 'agent:default/brand-a-coder',
    });
    delete (entity.spec as Record<string, unknown>).owner;
    expect(messages(entity)).toEqual(
      expect.arrayContaining([
        'AiArtifact spec.owner is required',
        'AiArtifact spec.lifecycle must be one of proposed, experimental, production, deprecated',
        'AiArtifact spec.builtBy must be a list',
      ]),
    );
  });

  it('checks the built-by annotation on Component, API, Resource and AiResource only', () => {
    const component = (value: string, kind = 'Component'): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: {
        name: 'sales-api',
        annotations: { 'agent-mesh.io/built-by': value },
      },
      spec: { type: 'service', owner: 'brand-b', lifecycle: 'production' },
    });
    expect(
      messages(component('agent:default/brand-b-coder, brand-c-coder')),
    ).toEqual([]);
    expect(
      messages(component('agent:default/brand-b-coder, user:default/ana')),
    ).toEqual([
      'Component metadata.annotations["agent-mesh.io/built-by"] "user:default/ana" must refer to an Agent',
    ]);
    expect(messages(component(' , '))).toEqual([
      'Component metadata.annotations["agent-mesh.io/built-by"] must list at least one Agent ref',
    ]);
    expect(messages(component('user:default/ana', 'Group'))).toEqual([]);
  });

  it('has nothing to say about kinds it does not define', () => {
    expect(
      messages({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'x' },
        spec: {},
      }),
    ).toEqual([]);
  });
});
