import { createHash } from 'node:crypto';
import { StoredAction } from './types';

/** The prev_hash of the first action in the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields covered by an action's hash, in the order they are written. */
const HASHED_FIELDS = [
  'agent',
  'agentKnown',
  'agentRef',
  'attributes',
  'id',
  'inputTokens',
  'model',
  'occurredAt',
  'onBehalfOf',
  'outputTokens',
  'ownerRef',
  'prevHash',
  'receivedAt',
  'seq',
  'spanId',
  'status',
  'summary',
  'target',
  'targetRef',
  'traceId',
  'type',
] as const;

/** `"agent":` and so on, written once rather than for every action. */
const FIELD_PREFIXES = HASHED_FIELDS.map(field => `${JSON.stringify(field)}:`);

/**
 * JSON with object keys sorted at every level and no whitespace, so that equal values always
 * give the same text.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) {
        out[key] = sortKeys(v);
      }
    }
    return out;
  }
  return value;
}

/**
 * Fields added to the hash later, after the fields above (their names sort after them too): in
 * the canonical text only when set, so that the actions written before them verify as before.
 */
const LATER_HASHED_FIELDS = ['writer'] as const;

/** The canonical text that an action's hash is computed over. */
export function canonicalAction(action: Omit<StoredAction, 'hash'>): string {
  let text = '{';
  for (let i = 0; i < HASHED_FIELDS.length; i++) {
    text += `${i === 0 ? '' : ','}${FIELD_PREFIXES[i]}${JSON.stringify(
      action[HASHED_FIELDS[i]] ?? null,
    )}`;
  }
  for (const field of LATER_HASHED_FIELDS) {
    const value = action[field];
    if (value !== null && value !== undefined) {
      text += `,${JSON.stringify(field)}:${JSON.stringify(value)}`;
    }
  }
  return `${text}}`;
}

/** sha256 (hex) over the canonical form of an action, including its seq and prev_hash. */
export function hashAction(action: Omit<StoredAction, 'hash'>): string {
  return createHash('sha256').update(canonicalAction(action)).digest('hex');
}
