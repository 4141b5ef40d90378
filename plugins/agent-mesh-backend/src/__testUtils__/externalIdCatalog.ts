import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/**
 * The in-memory catalog (`catalogServiceMock`) with one fix: like the real catalog, it matches
 * filter keys without regard to case (the mock compares `spec.externalIds` with lower-cased keys
 * and never matches), so that agents resolve by their external ids.
 */
export function externalIdCatalog(entities: Entity[]) {
  const inMemory = catalogServiceMock({ entities });
  return catalogServiceMock.mock({
    getEntityByRef: (ref, options) => inMemory.getEntityByRef(ref, options),
    getEntitiesByRefs: (req, options) =>
      inMemory.getEntitiesByRefs(req, options),
    getEntities: async (req, options) => {
      // One filter or several (an Agent or an AiResource agent with that id).
      const externalId = [req?.filter]
        .flat()
        .map(
          f => (f as Record<string, unknown> | undefined)?.['spec.externalIds'],
        )
        .find(v => v !== undefined);
      if (typeof externalId !== 'string') {
        return inMemory.getEntities(req, options);
      }
      return {
        items: entities.filter(
          e =>
            e.kind.toLocaleLowerCase('en-US') === 'agent' &&
            ((e.spec?.externalIds as string[] | undefined) ?? []).some(
              id =>
                id.toLocaleLowerCase('en-US') ===
                externalId.toLocaleLowerCase('en-US'),
            ),
        ),
      };
    },
  });
}
