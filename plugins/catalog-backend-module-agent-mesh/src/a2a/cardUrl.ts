import { toEntityName } from '../naming/entityNames';

/** Where the A2A specification has an agent publish its card. */
export const WELL_KNOWN_CARD_PATH = '/.well-known/agent-card.json';

/**
 * The URL to fetch a card from: the URL itself, or for an agent's base URL (no path), the
 * well-known card path on it. Undefined unless it is an absolute http or https URL.
 */
export function toCardUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return undefined;
  }
  if (parsed.pathname === '/' || parsed.pathname === '') {
    parsed.pathname = WELL_KNOWN_CARD_PATH;
  }
  return parsed.href;
}

/** An entity name for a card whose own name cannot be used: its host and path. */
export function entityNameFromCardUrl(cardUrl: string): string {
  const { host, pathname } = new URL(cardUrl);
  const path = pathname.endsWith(WELL_KNOWN_CARD_PATH)
    ? pathname.slice(0, -WELL_KNOWN_CARD_PATH.length)
    : pathname.replace(/\.json$/, '');
  return toEntityName(`${host}${path}`) ?? 'a2a-agent';
}
