import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_EXEMPTIONS } from '@agent-mesh/plugin-agent-mesh-common';
import { ScorecardCheckOutcome } from './types';

/** One exemption from the `agent-mesh.io/exemptions` annotation. */
export interface Exemption {
  check: string;
  reason: string;
  grantedBy: string;
  /** ISO 8601 date (YYYY-MM-DD, valid through that day) or date-time. */
  expires: string;
  /** The first instant at which the exemption no longer holds. */
  expiresAtMs: number;
}

export interface ParsedExemptions {
  exemptions: Exemption[];
  /** Why (part of) the annotation could not be used; undefined when all is well. */
  error?: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

function expiryOf(value: string): number {
  if (DATE_ONLY.test(value)) {
    const start = Date.parse(`${value}T00:00:00Z`);
    return Number.isNaN(start) ? NaN : start + DAY_MS;
  }
  return /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : NaN;
}

/**
 * Reads the exemptions annotation: a JSON list of `{ check, reason, grantedBy, expires }`. Never
 * throws: problems come back as `error`, and the valid entries are still used.
 */
export function parseExemptions(
  entity: Entity,
  knownCheckIds?: string[],
): ParsedExemptions {
  const value = entity.metadata.annotations?.[ANNOTATION_EXEMPTIONS];
  if (value === undefined || value.trim() === '') {
    return { exemptions: [] };
  }
  let list: unknown;
  try {
    list = JSON.parse(value);
  } catch (e) {
    return {
      exemptions: [],
      error: `${ANNOTATION_EXEMPTIONS} is not valid JSON (${
        (e as Error).message
      })`,
    };
  }
  if (!Array.isArray(list)) {
    return {
      exemptions: [],
      error: `${ANNOTATION_EXEMPTIONS} must be a JSON list of { check, reason, grantedBy, expires }`,
    };
  }
  const exemptions: Exemption[] = [];
  const problems: string[] = [];
  list.forEach((item, i) => {
    const at = `${ANNOTATION_EXEMPTIONS}[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(`${at} must be an object`);
      return;
    }
    const record = item as Record<string, unknown>;
    const missing = ['check', 'reason', 'grantedBy', 'expires'].filter(
      key => typeof record[key] !== 'string' || !(record[key] as string).trim(),
    );
    if (missing.length) {
      problems.push(`${at} needs ${missing.join(', ')} (non-empty strings)`);
      return;
    }
    const check = (record.check as string).trim();
    const expires = (record.expires as string).trim();
    const expiresAtMs = expiryOf(expires);
    if (Number.isNaN(expiresAtMs)) {
      problems.push(
        `${at}.expires '${expires}' is not an ISO 8601 date (YYYY-MM-DD)`,
      );
      return;
    }
    if (knownCheckIds && !knownCheckIds.includes(check)) {
      problems.push(`${at}.check '${check}' names no known check`);
      return;
    }
    exemptions.push({
      check,
      reason: (record.reason as string).trim(),
      grantedBy: (record.grantedBy as string).trim(),
      expires,
      expiresAtMs,
    });
  });
  return {
    exemptions,
    error: problems.length ? problems.join('; ') : undefined,
  };
}

/**
 * Applies an exemption to a check's outcome. Passing and `na` outcomes stay as they are. A valid,
 * unexpired exemption turns the rest into `exempt`; an expired one makes them `fail`.
 */
export function applyExemption(
  outcome: ScorecardCheckOutcome,
  exemption: Exemption | undefined,
  now: Date,
): ScorecardCheckOutcome {
  if (!exemption || outcome.status === 'pass' || outcome.status === 'na') {
    return outcome;
  }
  const granted = `granted by ${exemption.grantedBy}: ${exemption.reason}`;
  if (now.getTime() < exemption.expiresAtMs) {
    return {
      ...outcome,
      status: 'exempt',
      detail: `Exempt until ${exemption.expires} (${granted}). Without it: ${outcome.detail}`,
    };
  }
  return {
    ...outcome,
    status: 'fail',
    detail: `The exemption expired on ${exemption.expires} (${granted}). Renew it in ${ANNOTATION_EXEMPTIONS} or fix: ${outcome.detail}`,
  };
}

/** The check id under which a malformed exemptions annotation is reported. */
export const EXEMPTIONS_CHECK_ID = 'exemptions-annotation';
