import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AgentResolver } from './AgentResolver';

const helpdesk = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'AiResource',
  metadata: { name: 'helpdesk-agent', namespace: 'default' },
  spec: { type: 'agent', owner: 'group:default/support' },
};

const coder = {
  apiVersion: 'agent-mesh.io/v1alpha1',
  kind: 'Agent',
  metadata: { name: 'Coder', namespace: 'tools' },
  spec: { owner: 'platform', externalIds: ['codex-7'] },
};

describe('AgentResolver', () => {
  function setUp() {
    const catalog = catalogServiceMock.mock({
      getEntityByRef: jest.fn(
        async ref =>
          ({
            'agent:tools/coder': coder,
            'airesource:default/helpdesk-agent': helpdesk,
          }[ref as string]),
      ),
      getEntities: jest.fn(async req =>
        [req?.filter]
          .flat()
          .some(f => (f as any)?.['spec.externalIds'] === 'codex-7')
          ? { items: [coder] }
          : { items: [] },
      ),
    });
    const resolver = new AgentResolver({
      catalog,
      auth: mockServices.auth(),
    });
    return { catalog, resolver };
  }

  it('resolves an entity ref, with the owner in the agent namespace', async () => {
    const { resolver } = setUp();
    await expect(resolver.resolve('agent:tools/coder')).resolves.toEqual({
      agentRef: 'agent:tools/coder',
      agentKnown: true,
      ownerRef: 'group:tools/platform',
    });
  });

  it('resolves an AiResource of type agent as an agent', async () => {
    const { resolver } = setUp();
    await expect(
      resolver.resolve('airesource:default/helpdesk-agent'),
    ).resolves.toEqual({
      agentRef: 'airesource:default/helpdesk-agent',
      agentKnown: true,
      ownerRef: 'group:default/support',
    });
  });

  it('resolves an external id and flags unknown agents', async () => {
    const { resolver, catalog } = setUp();
    await expect(resolver.resolve('codex-7')).resolves.toMatchObject({
      agentRef: 'agent:tools/coder',
      agentKnown: true,
    });
    expect(catalog.getEntities).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: expect.arrayContaining([
          { kind: 'agent', 'spec.externalIds': 'codex-7' },
          {
            kind: 'airesource',
            'spec.type': 'agent',
            'spec.externalIds': 'codex-7',
          },
        ]),
      }),
      expect.anything(),
    );
    await expect(resolver.resolve('nobody')).resolves.toEqual({
      agentRef: null,
      agentKnown: false,
      ownerRef: null,
    });
  });

  it('caches look-ups, also concurrent ones and misses', async () => {
    const { resolver, catalog } = setUp();
    await Promise.all([
      resolver.resolve('codex-7'),
      resolver.resolve('codex-7'),
      resolver.resolve('nobody'),
    ]);
    await resolver.resolve('codex-7');
    await resolver.resolve('nobody');
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
    expect(catalog.getEntities).toHaveBeenCalledTimes(2);
  });

  it('answers "unknown" while the catalog is down, and does not keep that answer', async () => {
    const { resolver, catalog } = setUp();
    catalog.getEntityByRef.mockRejectedValueOnce(new Error('catalog down'));
    await expect(resolver.resolve('agent:tools/coder')).resolves.toEqual({
      agentRef: null,
      agentKnown: false,
      ownerRef: null,
    });
    await expect(resolver.resolve('agent:tools/coder')).resolves.toMatchObject({
      agentKnown: true,
    });
  });
});
