import type {
  ActionCheckpoint,
  VerifyActionsResponse,
} from '@agent-mesh/plugin-agent-mesh-common';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type { ActionAccessFilter } from './permissions/actionResource';

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
  /** Whose credentials wrote it (`writerOf`); null for actions written before it was kept. */
  writer: string | null;
}

/** A stored action: a link in the chain. */
export interface StoredAction extends NewAction {
  seq: number;
  receivedAt: string;
  prevHash: string;
  hash: string;
}

/** Filters for reading the log; every one is an exact match, and all must hold. */
export interface ActionQuery {
  /** Matches `agent_ref`, or the agent as sent. */
  agentRef?: string;
  agent?: string;
  targetRef?: string;
  target?: string;
  /** The owning team is one of these (for `owner=`: the team and its sub-teams). */
  ownerRefs?: string[];
  /** The user the actions were done for (a full, lower-case entity ref). */
  onBehalfOf?: string;
  type?: string;
  /** Inclusive lower bound on `occurredAt` (ISO 8601 UTC). */
  since?: string;
  /** Exclusive upper bound on `occurredAt` (ISO 8601 UTC). */
  until?: string;
  /** What the caller may read, from a conditional permission decision (sub-teams expanded). */
  access?: PermissionCriteria<ActionAccessFilter>;
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

export interface AppendOptions {
  /**
   * An id that is already stored with other content: `error` (the default) refuses the batch
   * with a ConflictError; `keep-stored` keeps what is stored and reports the id as a duplicate
   * (for ids derived from the data, such as OTLP trace and span ids, where the first write wins).
   */
  onConflict?: 'error' | 'keep-stored';
}

/** The outcome of `verify`, as `GET /actions/verify` answers it. */
export type VerifyResult = VerifyActionsResponse;

/** Which checkpoints to read, by the seq they vouch for. */
export interface CheckpointRange {
  /** Inclusive lower bound. */
  atLeast?: number;
  /** Exclusive upper bound. */
  below?: number;
}

export interface RetentionResult {
  removed: number;
  /** The retention checkpoint written by this run, if it removed anything. */
  checkpoint?: ActionCheckpoint;
}

/** Storage of the action log. */
export interface ActionStore {
  /**
   * Appends a batch to the chain in one transaction: all or nothing. Ids already stored with the
   * same content are reported as duplicates; an id stored with different content is a conflict.
   */
  append(actions: NewAction[], options?: AppendOptions): Promise<AppendResult>;
  /** Newest first (by seq). */
  list(query: ActionQuery): Promise<StoredAction[]>;
  /** The stored actions with these ids, in no particular order; unknown ids are left out. */
  getByIds(ids: string[]): Promise<StoredAction[]>;
  /**
   * For each of the entity refs, the `occurredAt` (ISO 8601 UTC) of the newest action whose agent,
   * target or owning team is that ref. Refs are matched without regard to case and keyed as
   * given; refs without any action are left out.
   */
  lastActivity(entityRefs: string[]): Promise<Map<string, string>>;
  /**
   * For each (entity ref, time) pair, whether an action occurred exactly then whose agent,
   * target or owning team is that ref (as in `lastActivity`) and that matches `access`.
   */
  hasActivityAt(
    items: { entityRef: string; at: string }[],
    options?: { access?: PermissionCriteria<ActionAccessFilter> },
  ): Promise<boolean[]>;
  /**
   * Verifies the whole log with its checkpoints (`ActionChainVerifier`), newest first, and
   * their signatures with the store's keys.
   */
  verify(options?: { pageSize?: number }): Promise<VerifyResult>;
  /**
   * Retention: removes the oldest actions, in seq order, up to the first one that occurred at or
   * after `cut` (ISO 8601 UTC), so that the rest of the chain stays whole; records a signed
   * retention checkpoint with the seq and hash of the last removed action. Stops at the first
   * broken link, or at an action that another checkpoint holds another hash for.
   */
  removeOlderThan(
    cut: string,
    options?: { batchSize?: number; signal?: AbortSignal },
  ): Promise<RetentionResult>;
  /** The newest retention checkpoint, if any. */
  latestCheckpoint(): Promise<ActionCheckpoint | undefined>;
  /** Checkpoints of every kind in the range, highest seq first. */
  listCheckpoints(range: CheckpointRange): Promise<ActionCheckpoint[]>;
  /**
   * Writes a signed head checkpoint of the newest action, unless there is none or the newest
   * head checkpoint is already at it; returns what it wrote.
   */
  recordHead(now?: Date): Promise<ActionCheckpoint | undefined>;
}
