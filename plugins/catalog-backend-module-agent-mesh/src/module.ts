import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import { Config, readDurationFromConfig } from '@backstage/config';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { agentMeshClientServiceRef } from '@agent-mesh/plugin-agent-mesh-node';
import { AgentMeshKindsProcessor } from './kinds/AgentMeshKindsProcessor';
import { ExternalIdClaims } from './externalIds/ExternalIdClaims';
import {
  AgentMeshOverlapClient,
  AgentMeshOverlapProcessor,
  readOverlapEligibility,
} from './overlap';

/** Backstage's default: each entity is processed again every 100 to 150 seconds. */
const DEFAULT_MIN_PROCESSING_INTERVAL_MS = 100_000;

/** The shortest interval at which the catalog processes an entity again. */
function readMinProcessingIntervalMs(config: Config): number {
  const value = config.getOptional('catalog.processingInterval');
  if (!value) return DEFAULT_MIN_PROCESSING_INTERVAL_MS;
  return Math.max(
    1000,
    durationToMilliseconds(
      readDurationFromConfig(config, { key: 'catalog.processingInterval' }),
    ),
  );
}

/**
 * `agentMesh.overlap.processor.cacheTtl`; by default one processing interval (at most five
 * minutes), so that each processing run of an entity asks the backend at most once.
 */
function readCacheTtlMs(config: Config, minIntervalMs: number): number {
  const key = 'agentMesh.overlap.processor.cacheTtl';
  if (!config.has(key)) return Math.min(minIntervalMs, 5 * 60_000);
  return durationToMilliseconds(readDurationFromConfig(config, { key }));
}

/**
 * Adds the Agent and AiArtifact kinds to the catalog, and `overlapsWith` relations from the
 * agent-mesh backend's overlap index (unless `agentMesh.overlap.processor.enabled` is false).
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
        agentMesh: agentMeshClientServiceRef,
        logger: coreServices.logger,
      },
      async init({ catalog, config, database, agentMesh, logger }) {
        const minIntervalMs = readMinProcessingIntervalMs(config);
        // An agent that has not been processed for three intervals no longer holds its ids.
        const externalIds = await ExternalIdClaims.create({
          database,
          staleAfterMs: Math.max(3 * minIntervalMs * 1.5, 10 * 60_000),
        });
        catalog.addProcessor(new AgentMeshKindsProcessor(externalIds));

        if (
          config.getOptionalBoolean('agentMesh.overlap.processor.enabled') ??
          true
        ) {
          catalog.addProcessor(
            new AgentMeshOverlapProcessor({
              client: new AgentMeshOverlapClient({ api: agentMesh }),
              logger,
              ...readOverlapEligibility(config),
              includeAlternatives:
                config.getOptionalBoolean(
                  'agentMesh.overlap.processor.includeAlternatives',
                ) ?? false,
              cacheTtlMs: readCacheTtlMs(config, minIntervalMs),
            }),
          );
        }
      },
    });
  },
});
