import { AuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AI_ARTIFACT_KIND,
  ANNOTATION_BUILT_BY,
  isOverlapEligible,
} from '@agent-mesh/plugin-agent-mesh-common';
import { OverlapConfig } from './engine';

/**
 * `CATALOG_FILTER_EXISTS` of `@backstage/catalog-client` (a registered symbol, so this is the
 * same value); that package is not a dependency of this plugin.
 */
const CATALOG_FILTER_EXISTS = Symbol.for(
  'CATALOG_FILTER_EXISTS_0e15b590c0b343a2bae3e787e84c2111',
);

/** Entities per catalog page. */
const PAGE_SIZE = 500;

/** The parts of an entity that the overlap engine reads. */
const FIELDS = ['apiVersion', 'kind', 'metadata', 'spec'];

type Filter = Record<string, string | symbol | (string | symbol)[]>;

/**
 * The catalog filter for entities that may take part: AiArtifacts, and entities of the
 * configured kinds with the built-by annotation or one of the configured spec.types. The
 * catalog may return more (it matches case-insensitively); `isOverlapEligible` has the last word.
 */
export function eligibleEntitiesFilter(
  config: Pick<OverlapConfig, 'kinds' | 'types'>,
): Filter[] {
  const filters: Filter[] = [{ kind: AI_ARTIFACT_KIND }];
  if (config.kinds.length > 0) {
    filters.push({
      kind: config.kinds,
      [`metadata.annotations.${ANNOTATION_BUILT_BY}`]: CATALOG_FILTER_EXISTS,
    });
    if (config.types.length > 0) {
      filters.push({ kind: config.kinds, 'spec.type': config.types });
    }
  }
  return filters;
}

/** Pages through the catalog's eligible entities with the plugin's own service credentials. */
export async function* streamEligibleEntities(options: {
  catalog: CatalogService;
  auth: AuthService;
  config: Pick<OverlapConfig, 'kinds' | 'types'>;
}): AsyncGenerator<Entity[]> {
  const { catalog, auth, config } = options;
  const credentials = await auth.getOwnServiceCredentials();
  for await (const page of catalog.streamEntities(
    {
      filter: eligibleEntitiesFilter(config),
      fields: FIELDS,
      pageSize: PAGE_SIZE,
    },
    { credentials },
  )) {
    yield page.filter(entity => isOverlapEligible(entity, config));
  }
}

/** One entity from the catalog by ref, if it exists and takes part. */
export async function fetchEligibleEntity(options: {
  catalog: CatalogService;
  auth: AuthService;
  config: Pick<OverlapConfig, 'kinds' | 'types'>;
  entityRef: string;
}): Promise<Entity | undefined> {
  const { catalog, auth, config, entityRef } = options;
  const entity = await catalog.getEntityByRef(entityRef, {
    credentials: await auth.getOwnServiceCredentials(),
  });
  return entity && isOverlapEligible(entity, config) ? entity : undefined;
}
