import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_EXEMPTIONS } from '@agent-mesh/plugin-agent-mesh-common';

/** One entry of the `agent-mesh.io/exemptions` annotation, with its expiry worked out. */
export interface ExemptionEntry {
  check: string;
  reason: string;
  grantedBy: string;
  expires: string;
  /** The exemption no longer holds at the given time. */
  expired: boolean;
}

/** The first instant at which an exemption has expired: the day after a date, or the date-time. */
function expiryOf(expires: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(expires)) {
    return Date.parse(`${expires}T00:00:00Z`) + 24 * 60 * 60 * 1000;
  }
  return Date.parse(expires);
}

/**
 * Reads the exemptions annotation for display. Lenient: entries that cannot be read are left out
 * (the backend reports them as the failing check `exemptions-annotation`).
 */
export function parseExemptions(
  entity: Entity,
  now: Date = new Date(),
): ExemptionEntry[] {
  const text = entity.metadata.annotations?.[ANNOTATION_EXEMPTIONS];
  if (!text) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const entries: ExemptionEntry[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) continue;
    const { check, reason, grantedBy, expires } = item as Record<
      string,
      unknown
    >;
    if (
      typeof check !== 'string' ||
      typeof reason !== 'string' ||
      typeof grantedBy !== 'string' ||
      typeof expires !== 'string'
    ) {
      continue;
    }
    const expiry = expiryOf(expires.trim());
    entries.push({
      check: check.trim(),
      reason,
      grantedBy: grantedBy.trim(),
      expires: expires.trim(),
      expired: Number.isNaN(expiry) ? true : now.getTime() >= expiry,
    });
  }
  return entries;
}
