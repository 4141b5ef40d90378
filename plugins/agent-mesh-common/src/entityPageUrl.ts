import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';

/**
 * The path of an entity's page in a Backstage app, `/catalog/<namespace>/<kind>/<name>` with
 * namespace and kind in lower case as the catalog's routes write them, each part URL-encoded;
 * with `baseUrl` (the app's `app.baseUrl`), the full URL.
 *
 * @public
 */
export function entityPageUrl(
  entityRef: string | CompoundEntityRef,
  options: { baseUrl?: string } = {},
): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  const base = (options.baseUrl ?? '').replace(/\/+$/, '');
  return `${base}/catalog/${encodeURIComponent(
    namespace.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}`;
}
