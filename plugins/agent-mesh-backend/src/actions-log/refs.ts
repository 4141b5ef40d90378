import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The full, lower-case entity ref that `value` stands for, or undefined when it is not one (a URL,
 * an external id, or a malformed ref). Without `defaultKind` the kind must be written out.
 */
export function toEntityRef(
  value: string,
  defaultKind?: string,
  defaultNamespace: string = 'default',
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
