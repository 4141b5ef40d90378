import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

const PAGE_SIZE = 500;

/** Every catalog entity, read page by page. */
export async function loadAllEntities(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  pageSize: number = PAGE_SIZE,
  signal?: AbortSignal,
): Promise<Entity[]> {
  const entities: Entity[] = [];
  let cursor: string | undefined;
  do {
    signal?.throwIfAborted();
    const page = await catalog.queryEntities(
      cursor ? { cursor, limit: pageSize } : { limit: pageSize },
      { credentials },
    );
    entities.push(...page.items);
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  return entities;
}
