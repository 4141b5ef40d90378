/**
 * One action reported by an agent or its platform, as sent to `POST /actions`.
 *
 * @public
 */
export interface ActionInput {
  /** The client's idempotency key: sending the same id again writes nothing new. */
  id: string;
  /** When the action happened, ISO 8601 with a time zone, e.g. `2026-11-24T13:21:43Z`. */
  occurredAt: string;
  /**
   * The agent: an entity ref (`agent:default/x`) or one of an Agent's `spec.externalIds`
   * (typed, e.g. `entra:<object-id>`, or untyped). Left out, the acting service of the
   * credentials that send it (see the backend's README).
   */
  agent?: string;
  /** What kind of action, e.g. `repo.commit`, `pr.opened`, `deploy`, `tool.call`. */
  type: string;
  /** What the action touched: an entity ref or a URL. */
  target?: string;
  /**
   * The user the agent acted for, e.g. `user:default/jane`. Left out, the user whose
   * credentials send it, if they are a user's.
   */
  onBehalfOf?: string;
  /** One line that says what happened. */
  summary: string;
  /** Outcome, e.g. `ok`, `error`. */
  status?: string;
  traceId?: string;
  spanId?: string;
  model?: string;
  inputTokens?: number;
  outputTokens?: number;
  /** Anything else; kept as sent. */
  attributes?: { [key: string]: unknown };
}

/**
 * A stored action: the input plus what the backend resolved and the hash chain.
 *
 * @public
 */
export interface Action extends ActionInput {
  /** The agent as sent, or as taken from the writer's credentials. */
  agent: string;
  /** Position in the log; gapless and increasing. */
  seq: number;
  /** When the backend stored it, ISO 8601 UTC. */
  receivedAt: string;
  /** The Agent entity the `agent` resolved to when written, if any. */
  agentRef?: string;
  /** Whether `agent` matched an Agent entity in the catalog when written. */
  agentKnown: boolean;
  /** `target` as a full entity ref, when it is one. */
  targetRef?: string;
  /** The agent's owning team when written. */
  ownerRef?: string;
  /**
   * Whose credentials wrote it: a user ref, or `service:` and the service's subject (e.g. an
   * external-access token's `subject`). Covered by the hash. Absent on actions written before
   * the log kept it.
   */
  writer?: string;
  /** Hash of the previous action in the chain. */
  prevHash: string;
  /** sha256 over the canonical form of this action, including `seq` and `prevHash`. */
  hash: string;
}

/**
 * Body of `POST /actions`.
 *
 * @public
 */
export interface PostActionsRequest {
  actions: ActionInput[];
}

/**
 * Response of `POST /actions`.
 *
 * @public
 */
export interface PostActionsResponse {
  /** Number of actions written by this request. */
  accepted: number;
  /** Number of actions whose id was already stored with the same content; not written again. */
  duplicates: number;
  /** The ids of those duplicates. */
  duplicateIds: string[];
}

/**
 * Response of `GET /actions`: newest first.
 *
 * @public
 */
export interface ListActionsResponse {
  items: Action[];
  /** Pass as `cursor` to get the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/**
 * Response of `GET /actions/verify`.
 *
 * @public
 */
export interface VerifyActionsResponse {
  ok: boolean;
  /** Number of actions read. */
  checked: number;
  /**
   * The first sequence number where the chain is broken (edited, missing or reordered). For
   * missing actions it is the sequence number of the first one missing.
   */
  firstBrokenSeq?: number;
  /** How many links are broken; each edited or reordered action and each gap counts once. */
  broken?: number;
  /** The sequence numbers of the broken links, in order: at most the first 1,000. */
  brokenSeqs?: number[];
  /** What is wrong, in `seq` order, each message naming its seq: at most the first 1,000. */
  problems?: ActionChainProblem[];
  /** The checkpoints read, when there were any. */
  checkpoints?: ActionCheckpointSummary;
}

/**
 * One problem that a verification of the action log found.
 *
 * @public
 */
export interface ActionChainProblem {
  /** The sequence number the problem is at (for missing actions, the first one missing). */
  seq: number;
  /** What is wrong, starting with `seq <n>`. */
  message: string;
}

/**
 * The checkpoints that a verification read.
 *
 * @public
 */
export interface ActionCheckpointSummary {
  checked: number;
  /** With a signature; when `signaturesChecked`, one that verifies with a trusted key. */
  signed: number;
  /** Without a signature (made while the backend had no signing key). */
  unsigned: number;
  /** Whether signatures were checked: false when the backend has no key configured. */
  signaturesChecked: boolean;
}

/**
 * A public key that checkpoints are signed with.
 *
 * @public
 */
export interface ActionSigningKey {
  /** The first 16 hex digits of the sha256 of the key's DER (SPKI) form. */
  keyId: string;
  algorithm: 'Ed25519';
  /** PEM (SPKI), for `agent-mesh verify-export --public-key`. */
  publicKey: string;
  /** Whether the backend signs new checkpoints with it; the others are earlier keys. */
  current: boolean;
}

/**
 * Response of `GET /actions/signing-keys`.
 *
 * @public
 */
export interface ActionSigningKeysResponse {
  /** Empty when the backend has no signing key: its checkpoints are unsigned. */
  keys: ActionSigningKey[];
}

/**
 * Limits of `POST /actions`.
 *
 * @public
 */
export const ACTIONS_MAX_BATCH = 1000;

/**
 * Largest accepted body of `POST /actions`, in bytes.
 *
 * @public
 */
export const ACTIONS_MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * Largest accepted `attributes` of one action, in bytes of JSON (UTF-8).
 *
 * @public
 */
export const ACTIONS_MAX_ATTRIBUTES_BYTES = 16 * 1024;

/**
 * Deepest accepted nesting of objects and arrays in an action's `attributes` (the attributes
 * object itself is level 1).
 *
 * @public
 */
export const ACTIONS_MAX_ATTRIBUTE_DEPTH = 8;

/**
 * Most object keys, counted at every level, in an action's `attributes`.
 *
 * @public
 */
export const ACTIONS_MAX_ATTRIBUTE_KEYS = 256;
