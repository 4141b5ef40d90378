import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/**
 * An in-memory catalog that hides one entity from one user, as a permission policy would: the
 * catalog answers with the caller's credentials, so a fake that reads them shows whether a
 * route passed the user's credentials on.
 */
export function hidingCatalog(options: {
  entities: Entity[];
  /** The full, lower-case ref of the entity to hide. */
  hidden: string;
  /** The user it is hidden from. */
  from: string;
}) {
  const { hidden, from } = options;
  const inMemory = catalogServiceMock({ entities: options.entities });
  const hides = (requestOptions?: object) => {
    const credentials =
      requestOptions && 'credentials' in requestOptions
        ? (requestOptions.credentials as BackstageCredentials)
        : undefined;
    const principal = credentials?.principal as
      | Partial<BackstageUserPrincipal>
      | undefined;
    return principal?.userEntityRef === from;
  };
  return catalogServiceMock.mock({
    getEntities: (r, o) => inMemory.getEntities(r, o),
    queryEntities: (r, o) => inMemory.queryEntities(r, o),
    streamEntities: (r, o) => inMemory.streamEntities(r, o),
    getEntityByRef: async (ref, o) =>
      hides(o) && String(ref).toLocaleLowerCase('en-US') === hidden
        ? undefined
        : inMemory.getEntityByRef(ref, o),
    getEntitiesByRefs: async (r, o) => {
      const answer = await inMemory.getEntitiesByRefs(r, o);
      if (!hides(o)) return answer;
      return {
        items: answer.items.map((entity, i) =>
          r.entityRefs[i].toLocaleLowerCase('en-US') === hidden
            ? undefined
            : entity,
        ),
      };
    },
  });
}
