import { BackstageUserPrincipal } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { policyCatalog } from './policyCatalog';

/**
 * An in-memory catalog that hides one entity from one user, as a permission policy would (see
 * `policyCatalog`).
 */
export function hidingCatalog(options: {
  entities: Entity[];
  /** The full, lower-case ref of the entity to hide. */
  hidden: string;
  /** The user it is hidden from. */
  from: string;
}) {
  const { hidden, from } = options;
  return policyCatalog({
    entities: options.entities,
    canRead: (entity, credentials) => {
      const principal = credentials?.principal as
        | Partial<BackstageUserPrincipal>
        | undefined;
      return (
        principal?.userEntityRef !== from ||
        stringifyEntityRef(entity).toLocaleLowerCase('en-US') !== hidden
      );
    },
  });
}
