import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { isAgentLikeEntity } from '@agent-mesh/plugin-agent-mesh-common';
import { refOf } from '../scorecards/refs';
import {
  agentMeshEntitiesFilter,
  isOverviewArtifact,
  OverlapSubjects,
} from './catalogEntities';
import { FirstSeenStore } from './FirstSeenStore';

/** The id of the scheduled recording of first-seen times. */
export const FIRST_SEEN_TASK_ID = 'agent-mesh-overview-first-seen';

/**
 * Records every Agent, AI-built entity and overlap subject of the catalog (read with the plugin's own
 * credentials) that the store does not know yet as first seen now. All refs are collected
 * before writing, so that the first run records the whole catalog as the baseline.
 */
export async function recordFirstSeen(options: {
  catalog: CatalogService;
  auth: AuthService;
  store: FirstSeenStore;
  logger: LoggerService;
  overlapSubjects: OverlapSubjects;
  now: () => Date;
  /** The scheduler's signal: the run stops between catalog pages once it is aborted. */
  signal?: AbortSignal;
}): Promise<number> {
  const { catalog, auth, store, logger } = options;
  const credentials = await auth.getOwnServiceCredentials();
  const refs: string[] = [];
  for await (const page of catalog.streamEntities(
    {
      filter: agentMeshEntitiesFilter(options.overlapSubjects),
      fields: [
        'apiVersion',
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.annotations',
        'spec.type',
      ],
      pageSize: 1000,
    },
    { credentials },
  )) {
    options.signal?.throwIfAborted();
    for (const entity of page) {
      if (
        isAgentLikeEntity(entity) ||
        isOverviewArtifact(entity, options.overlapSubjects)
      ) {
        refs.push(refOf(entity));
      }
    }
  }
  const recorded = await store.record(refs, options.now().toISOString());
  if (recorded > 0) {
    logger.info(`Recorded ${recorded} new Agent Mesh entities as first seen`);
  }
  return recorded;
}
