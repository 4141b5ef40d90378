import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModuleAgentMesh } from '../module';

async function processorNames(config: object): Promise<string[]> {
  const addProcessor = jest.fn();
  await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint,
        {
          addProcessor,
          addEntityProvider: jest.fn(),
          addPlaceholderResolver: jest.fn(),
          setOnProcessingErrorHandler: jest.fn(),
        },
      ],
    ],
    features: [
      catalogModuleAgentMesh,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  return addProcessor.mock.calls.flat().map(p => p.getProcessorName());
}

describe('catalogModuleAgentMesh wiring', () => {
  it('adds the overlap processor next to the kinds processor by default', async () => {
    expect(await processorNames({})).toEqual([
      'AgentMeshKindsProcessor',
      'AgentMeshOverlapProcessor',
    ]);
  });

  it('leaves it out when agentMesh.overlap.processor.enabled is false', async () => {
    expect(
      await processorNames({
        agentMesh: { overlap: { processor: { enabled: false } } },
      }),
    ).toEqual(['AgentMeshKindsProcessor']);
  });
});
