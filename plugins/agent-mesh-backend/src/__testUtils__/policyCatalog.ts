import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/** The credentials in a catalog request's options, if any. */
function credentialsOf(
  requestOptions?: object,
): BackstageCredentials | undefined {
  return requestOptions && 'credentials' in requestOptions
    ? (requestOptions.credentials as BackstageCredentials)
    : undefined;
}

/**
 * An in-memory catalog that answers every read as a permission policy would: with only the
 * entities that `canRead` lets the caller (the credentials passed with the request) read. The
 * catalog answers with the caller's credentials, so a fake that reads them shows whether a route
 * passed the user's credentials on.
 */
export function policyCatalog(options: {
  entities: Entity[];
  canRead: (
    entity: Entity,
    credentials: BackstageCredentials | undefined,
  ) => boolean;
}) {
  const { entities, canRead } = options;
  const viewOf = (requestOptions?: object) => {
    const credentials = credentialsOf(requestOptions);
    return catalogServiceMock({
      entities: entities.filter(e => canRead(e, credentials)),
    });
  };
  return catalogServiceMock.mock({
    getEntities: (r, o) => viewOf(o).getEntities(r, o),
    queryEntities: (r, o) => viewOf(o).queryEntities(r, o),
    streamEntities: (r, o) => viewOf(o).streamEntities(r, o),
    getEntityByRef: (ref, o) => viewOf(o).getEntityByRef(ref, o),
    getEntitiesByRefs: (r, o) => viewOf(o).getEntitiesByRefs(r, o),
    getEntityFacets: (r, o) => viewOf(o).getEntityFacets(r, o),
  });
}
