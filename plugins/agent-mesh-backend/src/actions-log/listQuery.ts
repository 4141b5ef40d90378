import { InputError } from '@backstage/errors';
import { decodeCursor } from './cursor';
import { toEntityRef } from './refs';
import { ActionQuery } from './types';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

const PARAMS = [
  'agent',
  'target',
  'owner',
  'onBehalfOf',
  'type',
  'since',
  'until',
  'cursor',
  'limit',
];

const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

function single(query: Record<string, unknown>, name: string) {
  const value = query[name];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string' || value === '') {
    throw new InputError(`${name} must be given once, as a non-empty string`);
  }
  return value;
}

function instant(value: string | undefined, name: string) {
  if (value === undefined) {
    return undefined;
  }
  const time = Date.parse(value);
  if (!ISO_DATE_TIME.test(value) || Number.isNaN(time)) {
    throw new InputError(
      `${name} must be an ISO 8601 date or date-time with a time zone`,
    );
  }
  return new Date(time).toISOString();
}

/**
 * Reads the query string of `GET /actions` into an ActionQuery, or throws an InputError.
 *
 * Notes: `owner` is read into `ownerRefs` as the one team asked for; the router adds its
 * sub-teams from the catalog (`withSubTeams`). `agent` and `target` match the resolved entity
 * ref or the value as sent; `onBehalfOf` (a bare name means a user) the user an action was for.
 */
export function parseListQuery(query: Record<string, unknown>): ActionQuery {
  for (const name of Object.keys(query)) {
    if (!PARAMS.includes(name)) {
      throw new InputError(
        `Unknown query parameter '${name}'; known: ${PARAMS.join(', ')}`,
      );
    }
  }
  const result: ActionQuery = { limit: DEFAULT_LIMIT };

  const agent = single(query, 'agent');
  if (agent !== undefined) {
    result.agent = agent;
    const ref = toEntityRef(agent, 'agent');
    if (ref) {
      result.agentRef = ref;
    }
  }
  const target = single(query, 'target');
  if (target !== undefined) {
    const ref = toEntityRef(target);
    if (ref) {
      result.targetRef = ref;
    } else {
      result.target = target;
    }
  }
  const owner = single(query, 'owner');
  if (owner !== undefined) {
    const ref = toEntityRef(owner, 'group');
    if (!ref) {
      throw new InputError(
        'owner must be an entity ref, e.g. group:default/team',
      );
    }
    result.ownerRefs = [ref];
  }
  const onBehalfOf = single(query, 'onBehalfOf');
  if (onBehalfOf !== undefined) {
    const ref = toEntityRef(onBehalfOf, 'user');
    if (!ref) {
      throw new InputError(
        'onBehalfOf must be an entity ref, e.g. user:default/jane',
      );
    }
    result.onBehalfOf = ref;
  }
  result.type = single(query, 'type');
  result.since = instant(single(query, 'since'), 'since');
  result.until = instant(single(query, 'until'), 'until');

  const cursor = single(query, 'cursor');
  if (cursor !== undefined) {
    result.beforeSeq = decodeCursor(cursor);
  }
  const limit = single(query, 'limit');
  if (limit !== undefined) {
    if (!/^\d+$/.test(limit) || Number(limit) < 1) {
      throw new InputError('limit must be a whole number from 1');
    }
    result.limit = Math.min(Number(limit), MAX_LIMIT);
  }
  for (const key of Object.keys(result) as (keyof ActionQuery)[]) {
    if (result[key] === undefined) {
      delete result[key];
    }
  }
  return result;
}
