import { InputError } from '@backstage/errors';
import { OverviewPeriod } from '@agent-mesh/plugin-agent-mesh-common';
import { normalizeRef } from '../scorecards/refs';

/** The longest period an overview covers, in days. */
export const MAX_PERIOD_DAYS = 366;
export const DEFAULT_PERIOD_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;
const KNOWN = ['period', 'since', 'until', 'owner'];

export interface OverviewQuery {
  period: OverviewPeriod;
  /** Full, lower-case group ref. */
  owner?: string;
}

function single(query: Record<string, unknown>, name: string) {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(
      `Query parameter '${name}' must be given once, with a value`,
    );
  }
  return value.trim();
}

function instant(value: string, name: string): Date {
  // Dates (2026-11-01) and date-times with a zone (2026-11-01T00:00:00Z, ...+01:00).
  const iso =
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
  const date = new Date(value);
  if (!iso.test(value) || Number.isNaN(date.getTime())) {
    throw new InputError(
      `Query parameter '${name}' must be an ISO 8601 date or date-time with a time zone, e.g. 2026-11-01 or 2026-11-01T00:00:00Z; got '${value}'`,
    );
  }
  return date;
}

/**
 * Reads `period` (`7d`, `30d`, ...; default 30d) or `since`/`until`, and `owner`, of
 * `GET /overview`. Bad input is an InputError that names the parameter.
 */
export function parseOverviewQuery(
  query: Record<string, unknown>,
  now: Date,
): OverviewQuery {
  const unknown = Object.keys(query).filter(k => !KNOWN.includes(k));
  if (unknown.length) {
    throw new InputError(
      `Unknown query parameter(s): ${unknown.join(', ')}; expected ${KNOWN.join(
        ', ',
      )}`,
    );
  }
  const periodText = single(query, 'period');
  const sinceText = single(query, 'since');
  const untilText = single(query, 'until');
  const ownerText = single(query, 'owner');

  if (periodText !== undefined && sinceText !== undefined) {
    throw new InputError(
      "Query parameter 'period' cannot be combined with 'since'; give one of them",
    );
  }
  const until = untilText === undefined ? now : instant(untilText, 'until');
  let since: Date;
  if (sinceText !== undefined) {
    since = instant(sinceText, 'since');
    if (since.getTime() >= until.getTime()) {
      throw new InputError("Query parameter 'since' must be before 'until'");
    }
    if (until.getTime() - since.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
      throw new InputError(
        `Query parameters 'since' and 'until' may be at most ${MAX_PERIOD_DAYS} days apart`,
      );
    }
  } else {
    const match = /^(\d{1,3})d$/.exec(periodText ?? `${DEFAULT_PERIOD_DAYS}d`);
    const days = match ? Number(match[1]) : NaN;
    if (!match || days < 1 || days > MAX_PERIOD_DAYS) {
      throw new InputError(
        `Query parameter 'period' must be a number of days from 1d to ${MAX_PERIOD_DAYS}d, e.g. 7d or 30d; got '${periodText}'`,
      );
    }
    since = new Date(until.getTime() - days * DAY_MS);
  }

  let owner: string | undefined;
  if (ownerText !== undefined) {
    owner = normalizeRef(ownerText, 'group');
    if (!owner || !owner.startsWith('group:')) {
      throw new InputError(
        `Query parameter 'owner' must be a team (Group) ref, e.g. group:default/brand-a or brand-a; got '${ownerText}'`,
      );
    }
  }
  return {
    period: { since: since.toISOString(), until: until.toISOString() },
    ...(owner ? { owner } : {}),
  };
}
