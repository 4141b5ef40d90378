import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
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

/**
 * JSON in the canonical form of RFC 8785 (JSON Canonicalization Scheme: object keys sorted at
 * every level, no whitespace, ECMAScript number and string forms), so that equal values always
 * give the same text, and any JCS implementation can check an export.
 */
export function canonicalJson(value: unknown): string {
  return canonicalize(value);
}

/**
 * Fields added to the hash later, after the fields above (their names sort after them too): in
 * the canonical text only when set, so that the actions written before them verify as before.
 */
const LATER_HASHED_FIELDS = ['writer'] as const;

/**
 * The canonical text that an action's hash is computed over: RFC 8785 of an object with the
 * hashed fields, null where empty (`attributes` as its canonical JSON text).
 */
export function canonicalAction(action: Omit<StoredAction, 'hash'>): string {
  const hashed: Record<string, unknown> = {};
  for (const field of HASHED_FIELDS) hashed[field] = action[field] ?? null;
  for (const field of LATER_HASHED_FIELDS) {
    const value = action[field];
    if (value !== null && value !== undefined) hashed[field] = value;
  }
  return canonicalize(hashed);
}

/** sha256 (hex) over the canonical form of an action, including its seq and prev_hash. */
export function hashAction(action: Omit<StoredAction, 'hash'>): string {
  return createHash('sha256').update(canonicalAction(action)).digest('hex');
}
