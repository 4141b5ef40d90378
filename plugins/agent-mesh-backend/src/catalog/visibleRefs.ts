import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * The refs among `refs` that the caller may read in the catalog, so that answers built from
 * the plugin's own stores (overlaps, stored scorecards) show a user nothing the catalog would
 * hide. Services may read everything (the permission framework allows service principals what
 * their access restrictions leave), so only users cost a catalog request.
 */
export async function visibleRefs(
  deps: { catalog: CatalogService; auth: AuthService },
  credentials: BackstageCredentials,
  refs: string[],
): Promise<Set<string>> {
  if (!deps.auth.isPrincipal(credentials, 'user') || refs.length === 0) {
    return new Set(refs);
  }
  const visible = new Set<string>();
  for (let i = 0; i < refs.length; i += 500) {
    const chunk = refs.slice(i, i + 500);
    const { items } = await deps.catalog.getEntitiesByRefs(
      {
        entityRefs: chunk,
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials },
    );
    items.forEach((entity, j) => {
      if (entity) visible.add(chunk[j]);
    });
  }
  return visible;
}
