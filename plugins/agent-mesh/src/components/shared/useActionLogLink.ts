import { useRouteRef } from '@backstage/core-plugin-api';
import { ActionFilters } from '../../api';
import { rootRouteRef } from '../../routes';

/**
 * The link to the action log page with these filters as query parameters, e.g.
 * `/agent-mesh?target=aiartifact:default/x`; undefined when the app has not mounted the page.
 */
export function useActionLogLink(filters: ActionFilters): string | undefined {
  let root: (() => string) | undefined;
  try {
    // useRouteRef throws only after all of its own hooks ran (when the page is not mounted), so
    // the hook order is the same on every render; core-plugin-api does the same with useApi.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    root = useRouteRef(rootRouteRef);
  } catch {
    root = undefined;
  }
  if (!root) {
    return undefined;
  }
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return query ? `${root()}?${query}` : root();
}
