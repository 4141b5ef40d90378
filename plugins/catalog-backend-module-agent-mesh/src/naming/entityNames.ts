import { createHash } from 'crypto';
import { makeValidator } from '@backstage/catalog-model';

const validator = makeValidator();
const MAX_LENGTH = 63;

/**
 * An entity name made from free text (an agent card's name, a server.json name): lower case,
 * with every run of characters that names may not hold turned into a dash. A name that would
 * be longer than 63 characters is cut and ends with a hash of the whole text, so that two long
 * texts that start alike still get different names. Undefined when nothing usable is left.
 */
export function toEntityName(text: string): string | undefined {
  let name = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/[._-]{2,}/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  if (name.length > MAX_LENGTH) {
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
    name = `${name
      .slice(0, MAX_LENGTH - 9)
      .replace(/[^a-z0-9]+$/, '')}-${hash}`;
  }
  return name && validator.isValidEntityName(name) ? name : undefined;
}

/**
 * A catalog tag made from a keyword ("Purchase Orders" becomes `purchase-orders`), or
 * undefined when the keyword does not make a valid tag (empty, or longer than 63 characters).
 */
export function toTag(keyword: string): string | undefined {
  const tag = keyword
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9:+#]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return tag && validator.isValidTag(tag) ? tag : undefined;
}
