import { canonicalize } from 'json-canonicalize';
import type { Action } from './types';

/**
 * The `prevHash` of the first action in the chain.
 *
 * @public
 */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * An action's fields as its hash covers them: as the log stores them, null where empty, and
 * `attributes` as RFC 8785 text.
 *
 * @public
 */
export interface ChainedActionFields {
  seq: number;
  id: string;
  occurredAt: string;
  receivedAt: string;
  agent: string;
  agentRef: string | null;
  agentKnown: boolean;
  type: string;
  target: string | null;
  targetRef: string | null;
  ownerRef: string | null;
  onBehalfOf: string | null;
  summary: string;
  status: string | null;
  traceId: string | null;
  spanId: string | null;
  model: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  /** RFC 8785 text of the attributes object, or null. */
  attributes: string | null;
  /** Null or absent for actions written before the log kept it. */
  writer?: string | null;
  prevHash: string;
}

/**
 * A link of the chain: the hashed fields and the hash over them.
 *
 * @public
 */
export interface ChainedAction extends ChainedActionFields {
  hash: string;
}

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
 * Fields added to the hash later, after the fields above (their names sort after them too): in
 * the canonical text only when set, so that the actions written before them verify as before.
 */
const LATER_HASHED_FIELDS = ['writer'] as const;

/**
 * JSON in the canonical form of RFC 8785 (JSON Canonicalization Scheme: object keys sorted at
 * every level, no whitespace, ECMAScript number and string forms), so that equal values always
 * give the same text, and any JCS implementation can check an export.
 *
 * @public
 */
export function canonicalJson(value: unknown): string {
  return canonicalize(value);
}

/** `{"agent":`, `,"agentKnown":` and so on, written once rather than for every action. */
const FIELD_PREFIXES = HASHED_FIELDS.map(
  (field, i) => `${i === 0 ? '{' : ','}${JSON.stringify(field)}:`,
);

function primitiveJson(field: string, value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new Error(`The action's ${field} is ${value}, not a finite number`);
  return JSON.stringify(value);
}

/**
 * The text that an action's hash (sha256, hex) is computed over: RFC 8785 of an object with the
 * hashed fields, null where empty, `writer` only when set.
 *
 * @public
 */
export function canonicalActionText(action: ChainedActionFields): string {
  // The fields are listed in sorted order and every value is a string, a finite number, a
  // boolean or null, so RFC 8785 is the keys and values each as JSON.stringify writes them (as
  // JCS does), joined in that order: no general serializer on every action of a batch.
  let text = '';
  HASHED_FIELDS.forEach((field, i) => {
    text += FIELD_PREFIXES[i] + primitiveJson(field, action[field] ?? null);
  });
  for (const field of LATER_HASHED_FIELDS) {
    const value = action[field];
    if (value !== null && value !== undefined)
      text += `,${JSON.stringify(field)}:${primitiveJson(field, value)}`;
  }
  return `${text}}`;
}

/**
 * The chained fields of an action as the API and the NDJSON export show it (optional fields left
 * out when empty, `attributes` as an object): what its hash was computed over.
 *
 * @public
 */
export function chainedActionOf(action: Action): ChainedAction {
  return {
    seq: action.seq,
    id: action.id,
    occurredAt: action.occurredAt,
    receivedAt: action.receivedAt,
    agent: action.agent,
    agentRef: action.agentRef ?? null,
    agentKnown: action.agentKnown,
    type: action.type,
    target: action.target ?? null,
    targetRef: action.targetRef ?? null,
    ownerRef: action.ownerRef ?? null,
    onBehalfOf: action.onBehalfOf ?? null,
    summary: action.summary,
    status: action.status ?? null,
    traceId: action.traceId ?? null,
    spanId: action.spanId ?? null,
    model: action.model ?? null,
    inputTokens: action.inputTokens ?? null,
    outputTokens: action.outputTokens ?? null,
    attributes:
      action.attributes === undefined || action.attributes === null
        ? null
        : canonicalize(action.attributes),
    writer: action.writer ?? null,
    prevHash: action.prevHash,
    hash: action.hash,
  };
}
