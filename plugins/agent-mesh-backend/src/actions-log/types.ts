/**
 * An action ready to be stored: validated, normalised and resolved against the catalog, but not
 * yet placed in the chain.
 */
export interface NewAction {
  id: string;
  /** ISO 8601 UTC with milliseconds (`Date.prototype.toISOString`). */
  occurredAt: string;
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
  /** Canonical JSON text, or null. */
  attributes: string | null;
}

/** A stored action: a link in the chain. */
export interface StoredAction extends NewAction {
  seq: number;
  receivedAt: string;
  prevHash: string;
  hash: string;
}

/** Filters for reading the log; every one is an exact match. */
export interface ActionQuery {
  /** Matches `agent_ref`, or the agent as sent. */
  agentRef?: string;
  agent?: string;
  targetRef?: string;
  target?: string;
  ownerRef?: string;
  type?: string;
  /** Inclusive lower bound on `occurredAt` (ISO 8601 UTC). */
  since?: string;
  /** Exclusive upper bound on `occurredAt` (ISO 8601 UTC). */
  until?: string;
  /** Only actions with a smaller seq (keyset pagination, newest first). */
  beforeSeq?: number;
  limit: number;
}

export interface AppendResult {
  /** Ids written by this call, in order. */
  accepted: string[];
  /** Ids already stored with the same content; not written again. */
  duplicates: string[];
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq?: number;
}

/** Storage of the action log. */
export interface ActionStore {
  /**
   * Appends a batch to the chain in one transaction: all or nothing. Ids already stored with the
   * same content are reported as duplicates; an id stored with different content is a conflict.
   */
  append(actions: NewAction[]): Promise<AppendResult>;
  /** Newest first (by seq). */
  list(query: ActionQuery): Promise<StoredAction[]>;
  /** Walks the whole chain in seq order. */
  verify(options?: { pageSize?: number }): Promise<VerifyResult>;
}
