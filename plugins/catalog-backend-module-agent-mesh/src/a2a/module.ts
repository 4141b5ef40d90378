import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { A2aAgentCardProvider } from './A2aAgentCardProvider';
import { A2aCardProblemProcessor } from './A2aCardProblemProcessor';
import { readA2aConfig } from './config';

/**
 * Agents from A2A agent cards: the provider (when `agentMesh.a2a` is configured) and the
 * processor that shows a card's problem on its Agent.
 *
 * @public
 */
export const catalogModuleAgentMeshA2aCards = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'agent-mesh-a2a-cards',
  register(env) {
    env.registerInit({
      deps: {
        processing: catalogProcessingExtensionPoint,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ processing, catalog, config, auth, logger, scheduler }) {
        // Always: Agents made before keep showing their problem if the config goes away.
        processing.addProcessor(new A2aCardProblemProcessor());
        const a2a = readA2aConfig(config);
        if (!a2a) return;
        processing.addEntityProvider(
          new A2aAgentCardProvider({
            config: a2a,
            catalog,
            auth,
            logger,
            taskRunner: scheduler.createScheduledTaskRunner(a2a.schedule),
          }),
        );
      },
    });
  },
});
