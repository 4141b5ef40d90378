import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Answers of `toEntityRef` by kind, namespace and value: a batch of actions names the same few
 * agents, targets and users many times over, and the schema checks a target's ref before ingest
 * stores it. Emptied when full, so it holds at most this many.
 */
const recentRefs = new Map<string, string | undefined>();
const RECENT_REFS_MAX = 10_000;

/**
 * The full, lower-case entity ref that `value` stands for, or undefined when it is not one (a URL,
 * an external id, or a malformed ref). Without `defaultKind` the kind must be written out.
 */
export function toEntityRef(
  value: string,
  defaultKind?: string,
  defaultNamespace: string = 'default',
): string | undefined {
  const key = `${defaultKind ?? ''}\u0000${defaultNamespace}\u0000${value}`;
  if (recentRefs.has(key)) {
    return recentRefs.get(key);
  }
  const ref = parseToEntityRef(value, defaultKind, defaultNamespace);
  if (recentRefs.size >= RECENT_REFS_MAX) {
    recentRefs.clear();
  }
  recentRefs.set(key, ref);
  return ref;
}

function parseToEntityRef(
  value: string,
  defaultKind: string | undefined,
  defaultNamespace: string,
): string | undefined {
  if (URL_LIKE.test(value) || /\s/.test(value)) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}
