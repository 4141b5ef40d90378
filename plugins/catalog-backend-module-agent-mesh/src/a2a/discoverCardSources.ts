import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AGENT_MESH_LIFECYCLES,
  ANNOTATION_A2A_OWNER,
  ANNOTATION_A2A_SPONSOR,
} from '@agent-mesh/plugin-agent-mesh-common';
import { A2aCardSource, DEFAULT_AGENT_TYPE, DEFAULT_LIFECYCLE } from './config';
import { toCardUrl } from './cardUrl';

const PAGE_SIZE = 500;

/** A ref in full (`group:default/x`), resolved as the catalog would; undefined if invalid. */
function fullRef(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), { defaultKind, defaultNamespace }),
    );
  } catch {
    return undefined;
  }
}

/** The card an annotated API entity names, owned by the API's owner unless it says otherwise. */
function sourceFromApi(
  api: Entity,
  annotation: string,
  logger: LoggerService,
): A2aCardSource | undefined {
  const apiRef = stringifyEntityRef(api);
  const namespace = api.metadata.namespace ?? 'default';
  const annotations = api.metadata.annotations ?? {};
  const cardUrl = toCardUrl(annotations[annotation] ?? '');
  if (!cardUrl) {
    logger.warn(
      `${apiRef}: ${annotation} "${annotations[annotation]}" is not an absolute http or https URL; no Agent is made from it`,
    );
    return undefined;
  }
  const owner = fullRef(
    annotations[ANNOTATION_A2A_OWNER] ?? api.spec?.owner,
    'Group',
    namespace,
  );
  if (!owner) {
    logger.warn(
      `${apiRef}: no valid owner for the Agent of A2A agent card ${cardUrl}; set spec.owner or ${ANNOTATION_A2A_OWNER}`,
    );
    return undefined;
  }
  const lifecycle = api.spec?.lifecycle;
  return {
    cardUrl,
    owner,
    sponsor: fullRef(annotations[ANNOTATION_A2A_SPONSOR], 'User', namespace),
    lifecycle: (AGENT_MESH_LIFECYCLES as readonly unknown[]).includes(lifecycle)
      ? (lifecycle as string)
      : DEFAULT_LIFECYCLE,
    type: DEFAULT_AGENT_TYPE,
    system: fullRef(api.spec?.system, 'System', namespace),
    namespace,
    listedBy: apiRef,
  };
}

/**
 * The agent cards that API entities name in `annotation`, read page by page through the
 * catalog with the module's own service credentials. Throws when the catalog cannot be read,
 * so that a run never drops the discovered Agents for want of an answer.
 */
export async function discoverCardSources(options: {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  annotation: string;
}): Promise<A2aCardSource[]> {
  const { catalog, auth, logger, annotation } = options;
  const credentials = await auth.getOwnServiceCredentials();
  const sources: A2aCardSource[] = [];
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit: PAGE_SIZE }
        : {
            filter: {
              kind: 'API',
              [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS,
            },
            fields: [
              'kind',
              'metadata.name',
              'metadata.namespace',
              'metadata.annotations',
              'spec.owner',
              'spec.lifecycle',
              'spec.system',
            ],
            limit: PAGE_SIZE,
          },
      { credentials },
    );
    for (const api of page.items) {
      const source = sourceFromApi(api, annotation, logger);
      if (source) sources.push(source);
    }
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  return sources;
}
