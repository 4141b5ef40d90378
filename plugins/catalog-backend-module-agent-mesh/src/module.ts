import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import { readDurationFromConfig } from '@backstage/config';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { AgentMeshKindsProcessor } from './kinds/AgentMeshKindsProcessor';
import { ExternalIdClaims } from './externalIds/ExternalIdClaims';

/** Backstage's default: each entity is processed again every 100 to 150 seconds. */
const DEFAULT_PROCESSING_INTERVAL_MS = 150_000;

/**
 * Adds the Agent and AiArtifact kinds to the catalog.
 *
 * @public
 */
export const catalogModuleAgentMesh = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'agent-mesh',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        database: coreServices.database,
      },
      async init({ catalog, config, database }) {
        // An agent that has not been processed for three intervals no longer holds its ids.
        const interval = config.getOptional('catalog.processingInterval')
          ? durationToMilliseconds(
              readDurationFromConfig(config, {
                key: 'catalog.processingInterval',
              }),
            ) * 1.5
          : DEFAULT_PROCESSING_INTERVAL_MS;
        const externalIds = await ExternalIdClaims.create({
          database,
          staleAfterMs: Math.max(3 * interval, 10 * 60_000),
        });
        catalog.addProcessor(new AgentMeshKindsProcessor(externalIds));
      },
    });
  },
});
