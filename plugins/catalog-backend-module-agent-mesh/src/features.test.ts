import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModuleAgentMesh } from './module';
import { catalogModuleAgentMeshA2aCards } from './a2a/module';
import { catalogModuleAgentMeshMcpServerJson } from './mcpServerJson/module';

async function wiring(config: object) {
  const addProcessor = jest.fn();
  const addEntityProvider = jest.fn();
  const backend = await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint,
        {
          addProcessor,
          addEntityProvider,
          addPlaceholderResolver: jest.fn(),
          setOnProcessingErrorHandler: jest.fn(),
        },
      ],
    ],
    // The modules that the package's default export loads (the real-catalog tests of the A2A
    // cards and server.json load them through it).
    features: [
      catalogModuleAgentMesh,
      catalogModuleAgentMeshA2aCards,
      catalogModuleAgentMeshMcpServerJson,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  await backend.stop();
  return {
    processors: addProcessor.mock.calls
      .flat()
      .map(p => p.getProcessorName())
      .sort(),
    providers: addEntityProvider.mock.calls
      .flat()
      .map(p => p.getProviderName()),
  };
}

describe('the catalog modules of the package', () => {
  it('adds the kinds, overlap, server.json and card-problem processors, and no card provider without agentMesh.a2a', async () => {
    expect(await wiring({})).toEqual({
      processors: [
        'AgentMeshA2aCardProblemProcessor',
        'AgentMeshKindsProcessor',
        'AgentMeshMcpServerJsonProcessor',
        'AgentMeshOverlapProcessor',
      ],
      providers: [],
    });
  });

  it('adds the card provider when agentMesh.a2a is configured', async () => {
    const { providers } = await wiring({
      agentMesh: {
        a2a: {
          cards: [{ url: 'https://agents.acme.example', owner: 'finance' }],
        },
      },
    });
    expect(providers).toEqual(['agent-mesh-a2a-cards']);
  });
});
