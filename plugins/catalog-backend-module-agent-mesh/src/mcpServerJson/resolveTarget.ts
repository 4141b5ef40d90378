import { LocationSpec } from '@backstage/plugin-catalog-node';
import path from 'path';

const isUrl = (target: string) => /^https?:\/\//i.test(target);

/**
 * Where a target of a Location of type `mcp-server-json` is: an http(s) URL or an absolute
 * file path as written; a relative one resolved against the file or URL that holds the
 * Location (a Location from `catalog.locations` in app-config: against the backend's working
 * directory, as for `file` locations).
 */
export function resolveTarget(target: string, holder: LocationSpec): string {
  if (isUrl(target) || path.isAbsolute(target)) return target;
  if (holder.type === 'url' && isUrl(holder.target)) {
    return new URL(target, holder.target).href;
  }
  if (holder.type === 'file') {
    return path.resolve(path.dirname(holder.target), target);
  }
  return path.resolve(target);
}

export { isUrl };
