import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/**
 * An in-memory catalog (`catalogServiceMock`) whose entities a test can replace while the
 * backend runs, e.g. to add an entity between two runs of a scheduled task.
 */
export function mutableCatalog(initial: Entity[]) {
  let current = catalogServiceMock({ entities: initial });
  let entities = initial;
  const proxy = new Proxy(
    {},
    {
      get: (_target, prop) => {
        const value = (current as any)[prop];
        return typeof value === 'function' ? value.bind(current) : value;
      },
    },
  );
  return {
    get entities() {
      return entities;
    },
    set(next: Entity[]) {
      entities = next;
      current = catalogServiceMock({ entities: next });
    },
    factory: createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () => proxy as any,
    }),
  };
}
