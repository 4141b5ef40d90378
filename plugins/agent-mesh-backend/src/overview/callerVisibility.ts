import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { visibleRefs } from '../catalog';

/** Which of the read model's entities a caller may see: all of them, or these refs. */
export type CallerVisibility = 'all' | Set<string>;

/**
 * What the catalog would show the caller of `refs`, decided as the catalog decides: by the
 * caller's `catalog.entity.read` decision. Allowed, the caller sees everything and no catalog
 * request is needed; denied, nothing; conditionally allowed, the catalog is asked with the
 * caller's credentials, so that it applies the conditions itself. Services see everything (as
 * in `visibleRefs`).
 */
export async function callerVisibility(
  deps: {
    catalog: CatalogService;
    auth: AuthService;
    permissions: PermissionsService;
  },
  credentials: BackstageCredentials,
  refs: string[],
): Promise<CallerVisibility> {
  if (!deps.auth.isPrincipal(credentials, 'user')) return 'all';
  const [decision] = await deps.permissions.authorizeConditional(
    [{ permission: catalogEntityReadPermission }],
    { credentials },
  );
  if (decision.result === AuthorizeResult.ALLOW) return 'all';
  if (decision.result === AuthorizeResult.DENY) return new Set();
  return visibleRefs(deps, credentials, refs);
}
