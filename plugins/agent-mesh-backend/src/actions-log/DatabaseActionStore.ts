import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, ServiceUnavailableError } from '@backstage/errors';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { databaseUnavailableReason } from '../database/databaseUnavailable';
import {
  ActionCheckpoint,
  GENESIS_HASH,
} from '@agent-mesh/plugin-agent-mesh-common';
import { hashAction } from '@agent-mesh/plugin-agent-mesh-common/node';
import { insertRows } from './insertRows';
import {
  ActionQuery,
  ActionStore,
  AppendOptions,
  AppendResult,
  CheckpointRange,
  RetentionResult,
  NewAction,
  StoredAction,
  VerifyResult,
} from './types';
import { migratedClient } from '../database/migrations';
import { whereActionAccess } from './permissions/accessQuery';
import { ActionAccessFilter } from './permissions/actionResource';
import { CheckpointKeys } from './signing/CheckpointKeys';
import { verifyActionLog } from './verifyActionLog';

const TABLE = 'agent_mesh_actions';
const CHECKPOINTS = 'agent_mesh_actions_checkpoints';

interface CheckpointRow {
  id: number;
  kind: 'head' | 'retention';
  seq: number | string;
  hash: string;
  removed: number | string | null;
  cut: string | null;
  created_at: string;
  key_id: string | null;
  signature: string | null;
}

/** How long a writer waits for the chain lock on PostgreSQL by default. */
const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
/** PostgreSQL's error code when `lock_timeout` passes. */
const LOCK_NOT_AVAILABLE = '55P03';

/** Key of the PostgreSQL advisory lock that serialises writers across replicas. */
const CHAIN_LOCK_KEY = 0x4147_4d45_5348; // 'AGMESH'

interface ActionRow {
  seq: number | string;
  id: string;
  occurred_at: string;
  received_at: string;
  agent: string;
  agent_ref: string | null;
  agent_known: boolean | number;
  type: string;
  target: string | null;
  target_ref: string | null;
  owner_ref: string | null;
  on_behalf_of: string | null;
  summary: string;
  status: string | null;
  trace_id: string | null;
  span_id: string | null;
  model: string | null;
  input_tokens: number | string | null;
  output_tokens: number | string | null;
  attributes: string | null;
  writer: string | null;
  prev_hash: string;
  hash: string;
}

const ACTION_COLUMNS: (keyof ActionRow)[] = [
  'seq',
  'id',
  'occurred_at',
  'received_at',
  'agent',
  'agent_ref',
  'agent_known',
  'type',
  'target',
  'target_ref',
  'owner_ref',
  'on_behalf_of',
  'summary',
  'status',
  'trace_id',
  'span_id',
  'model',
  'input_tokens',
  'output_tokens',
  'attributes',
  'writer',
  'prev_hash',
  'hash',
];

/** The action log in the plugin's database (PostgreSQL or SQLite). */
export class DatabaseActionStore implements ActionStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
    /** How long a writer waits for the chain on PostgreSQL before giving up (503). */
    lockTimeoutMs?: number;
    /** Signs the checkpoints the store writes and checks them in `verify`. Default: none. */
    keys?: CheckpointKeys;
  }): Promise<DatabaseActionStore> {
    return new DatabaseActionStore(
      await migratedClient(options.database, options),
      options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
      options.keys ?? CheckpointKeys.of(),
    );
  }

  private constructor(
    private readonly db: Knex,
    private readonly lockTimeoutMs: number,
    private readonly keys: CheckpointKeys,
  ) {}

  async append(
    actions: NewAction[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    if (actions.length === 0) {
      return { accepted: [], duplicates: [] };
    }
    try {
      return await this.appendInTransaction(actions, options);
    } catch (error) {
      const reason = databaseUnavailableReason(error);
      if (reason) {
        // A COMMIT cut off on its way may have gone through: the client cannot know, and
        // sending the batch again is safe either way (a stored id is a duplicate).
        throw new ServiceUnavailableError(
          `The action log's database is unavailable (${reason}); the actions were not acknowledged and may or may not be stored: send them again with the same ids`,
        );
      }
      throw error;
    }
  }

  private async appendInTransaction(
    actions: NewAction[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    return this.db.transaction(async trx => {
      await this.lockChain(trx);

      const existing = new Map<string, StoredAction>();
      const ids = actions.map(a => a.id);
      for (let i = 0; i < ids.length; i += 500) {
        const rows: ActionRow[] = await trx(TABLE)
          .whereIn('id', ids.slice(i, i + 500))
          .select();
        for (const row of rows) {
          existing.set(row.id, fromRow(row));
        }
      }

      const duplicates: string[] = [];
      const fresh: NewAction[] = [];
      for (const action of actions) {
        const stored = existing.get(action.id);
        if (!stored) {
          fresh.push(action);
        } else if (
          options?.onConflict === 'keep-stored' ||
          sameContent(stored, action)
        ) {
          duplicates.push(action.id);
        } else {
          throw new ConflictError(
            `Action id '${action.id}' is already stored with different content`,
          );
        }
      }
      if (fresh.length === 0) {
        return { accepted: [], duplicates };
      }

      // The head is read after taking the lock, inside the transaction. When retention has
      // removed every action, the chain goes on from the latest checkpoint.
      const head: Pick<ActionRow, 'seq' | 'hash'> | undefined =
        (await trx(TABLE)
          .select('seq', 'hash')
          .orderBy('seq', 'desc')
          .first()) ??
        (await trx(CHECKPOINTS)
          .where('kind', 'retention')
          .select('seq', 'hash')
          .orderBy('seq', 'desc')
          .first());
      let seq = head ? Number(head.seq) : 0;
      let prevHash = head ? head.hash : GENESIS_HASH;
      const receivedAt = new Date().toISOString();

      const rows: ActionRow[] = fresh.map(action => {
        seq += 1;
        const link = { ...action, seq, receivedAt, prevHash };
        const hash = hashAction(link);
        prevHash = hash;
        return toRow({ ...link, hash });
      });
      await insertRows(trx, TABLE, ACTION_COLUMNS, rows);
      return { accepted: fresh.map(a => a.id), duplicates };
    });
  }

  async list(query: ActionQuery): Promise<StoredAction[]> {
    const q = this.db<ActionRow>(TABLE).select();
    if (query.agentRef !== undefined && query.agent !== undefined) {
      q.where(b =>
        b.where('agent_ref', query.agentRef!).orWhere('agent', query.agent!),
      );
    } else if (query.agentRef !== undefined) {
      q.where('agent_ref', query.agentRef);
    } else if (query.agent !== undefined) {
      q.where('agent', query.agent);
    }
    if (query.targetRef !== undefined) {
      q.where('target_ref', query.targetRef);
    } else if (query.target !== undefined) {
      q.where('target', query.target);
    }
    if (query.ownerRefs !== undefined) {
      q.whereIn('owner_ref', query.ownerRefs);
    }
    if (query.onBehalfOf !== undefined) {
      q.where('on_behalf_of', query.onBehalfOf);
    }
    if (query.type !== undefined) {
      q.where('type', query.type);
    }
    if (query.since !== undefined) {
      q.where('occurred_at', '>=', query.since);
    }
    if (query.until !== undefined) {
      q.where('occurred_at', '<', query.until);
    }
    if (query.access !== undefined) {
      const access = query.access;
      q.where(b => whereActionAccess(b, access));
    }
    if (query.beforeSeq !== undefined) {
      q.where('seq', '<', query.beforeSeq);
    }
    const rows: ActionRow[] = await q.orderBy('seq', 'desc').limit(query.limit);
    return rows.map(fromRow);
  }

  async getByIds(ids: string[]): Promise<StoredAction[]> {
    const result: StoredAction[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const rows: ActionRow[] = await this.db(TABLE)
        .whereIn('id', ids.slice(i, i + 500))
        .select();
      result.push(...rows.map(fromRow));
    }
    return result;
  }

  async lastActivity(entityRefs: string[]): Promise<Map<string, string>> {
    const byRef = new Map<string, string>();
    const wanted = [
      ...new Set(entityRefs.map(ref => ref.toLocaleLowerCase('en-US'))),
    ];
    for (let i = 0; i < wanted.length; i += 500) {
      const chunk = wanted.slice(i, i + 500);
      // One grouped query per column, each served by that column's index.
      for (const column of ['agent_ref', 'target_ref', 'owner_ref']) {
        const rows: { ref: string; last: string }[] = await this.db(TABLE)
          .select({ ref: column })
          .max({ last: 'occurred_at' })
          .whereIn(column, chunk)
          .groupBy(column);
        for (const { ref, last } of rows) {
          const known = byRef.get(ref);
          if (!known || last > known) {
            byRef.set(ref, last);
          }
        }
      }
    }
    const result = new Map<string, string>();
    for (const ref of entityRefs) {
      const last = byRef.get(ref.toLocaleLowerCase('en-US'));
      if (last) {
        result.set(ref, last);
      }
    }
    return result;
  }

  async hasActivityAt(
    items: { entityRef: string; at: string }[],
    options: { access?: PermissionCriteria<ActionAccessFilter> } = {},
  ): Promise<boolean[]> {
    const { access } = options;
    const key = (ref: string, at: string) =>
      `${ref.toLocaleLowerCase('en-US')} ${at}`;
    const wanted = [
      ...new Map(items.map(i => [key(i.entityRef, i.at), i])).values(),
    ];
    const found = new Set<string>();
    for (let i = 0; i < wanted.length; i += 200) {
      const chunk = wanted.slice(i, i + 200);
      const refs = [
        ...new Set(chunk.map(c => c.entityRef.toLocaleLowerCase('en-US'))),
      ];
      const times = [...new Set(chunk.map(c => c.at))];
      // As lastActivity: the entity is the agent, the target or the owning team.
      for (const column of ['agent_ref', 'target_ref', 'owner_ref']) {
        const q = this.db(TABLE)
          .distinct({ ref: column, at: 'occurred_at' })
          .whereIn(column, refs)
          .whereIn('occurred_at', times);
        if (access) q.where(b => whereActionAccess(b, access));
        const rows: { ref: string; at: string }[] = await q;
        for (const row of rows) found.add(key(row.ref, row.at));
      }
    }
    return items.map(i => found.has(key(i.entityRef, i.at)));
  }

  async verify(options?: { pageSize?: number }): Promise<VerifyResult> {
    return verifyActionLog(this, {
      pageSize: options?.pageSize,
      trustedKeys: this.keys.trustedKeys(),
    });
  }

  async latestCheckpoint(): Promise<ActionCheckpoint | undefined> {
    const row: CheckpointRow | undefined = await this.db(CHECKPOINTS)
      .where('kind', 'retention')
      .orderBy('seq', 'desc')
      .first();
    return row && fromCheckpointRow(row);
  }

  async listCheckpoints(range: CheckpointRange): Promise<ActionCheckpoint[]> {
    const q = this.db<CheckpointRow>(CHECKPOINTS).select();
    if (range.atLeast !== undefined) {
      q.where('seq', '>=', range.atLeast);
    }
    if (range.below !== undefined) {
      q.where('seq', '<', range.below);
    }
    const rows: CheckpointRow[] = await q
      .orderBy('seq', 'desc')
      .orderBy('id', 'desc');
    return rows.map(fromCheckpointRow);
  }

  async recordHead(now = new Date()): Promise<ActionCheckpoint | undefined> {
    const head: Pick<ActionRow, 'seq' | 'hash'> | undefined = await this.db(
      TABLE,
    )
      .select('seq', 'hash')
      .orderBy('seq', 'desc')
      .first();
    if (!head) {
      return undefined;
    }
    const last: Pick<CheckpointRow, 'seq'> | undefined = await this.db(
      CHECKPOINTS,
    )
      .where('kind', 'head')
      .select('seq')
      .orderBy('seq', 'desc')
      .first();
    if (last && Number(last.seq) >= Number(head.seq)) {
      return undefined;
    }
    const checkpoint = this.keys.sign({
      kind: 'head',
      seq: Number(head.seq),
      hash: head.hash,
      createdAt: now.toISOString(),
    });
    await this.db(CHECKPOINTS).insert(toCheckpointRow(checkpoint));
    return checkpoint;
  }

  async removeOlderThan(
    cut: string,
    options?: { batchSize?: number; signal?: AbortSignal },
  ): Promise<RetentionResult> {
    const batchSize = options?.batchSize ?? 1000;
    let removed = 0;
    let checkpoint: ActionCheckpoint | undefined;
    let checkpointId: number | undefined;
    for (;;) {
      // Each batch is a transaction of its own: stopping between two leaves a whole chain.
      options?.signal?.throwIfAborted();
      const batch = await this.removeBatch({
        cut,
        batchSize,
        removedBefore: removed,
        checkpointId,
      });
      if (batch.checkpoint) {
        removed = batch.checkpoint.removed ?? removed;
        checkpoint = batch.checkpoint;
        checkpointId = batch.checkpointId;
      }
      if (batch.brokenSeq !== undefined) {
        throw new Error(
          `Retention stopped: the action log is broken at seq ${batch.brokenSeq} (edited, missing or reordered); nothing from there on was removed. GET /actions/verify lists every break.`,
        );
      }
      if (batch.done) {
        return checkpoint ? { removed, checkpoint } : { removed };
      }
    }
  }

  /** One transaction of a retention run; the run's checkpoint moves on with every batch. */
  private async removeBatch(options: {
    cut: string;
    batchSize: number;
    removedBefore: number;
    checkpointId?: number;
  }): Promise<{
    done: boolean;
    checkpoint?: ActionCheckpoint;
    checkpointId?: number;
    /** The seq of a broken link that stopped the run. */
    brokenSeq?: number;
  }> {
    const { cut, batchSize, removedBefore } = options;
    return this.db.transaction(async trx => {
      await this.lockChain(trx);
      const rows: ActionRow[] = await trx(TABLE)
        .select()
        .orderBy('seq', 'asc')
        .limit(batchSize);
      // Only a prefix of the chain goes: up to the first action that is not older than the cut.
      const keep = rows.findIndex(r => r.occurred_at >= cut);
      const prefix = keep === -1 ? rows : rows.slice(0, keep);
      // What is removed is checked first: a checkpoint vouches for the chain up to it, so it
      // must not be made over (and hide) an edited or missing action. The prefix stops at the
      // first broken link, or at an action that another checkpoint holds another hash for;
      // the run goes no further.
      const from: Pick<CheckpointRow, 'seq' | 'hash'> | undefined = await trx(
        CHECKPOINTS,
      )
        .where('kind', 'retention')
        .select('seq', 'hash')
        .orderBy('seq', 'desc')
        .first();
      const vouched: Pick<CheckpointRow, 'seq' | 'hash'>[] = prefix.length
        ? await trx(CHECKPOINTS)
            .select('seq', 'hash')
            .whereBetween('seq', [
              Number(prefix[0].seq),
              Number(prefix[prefix.length - 1].seq),
            ])
        : [];
      const brokenAt = firstBrokenLink(
        prefix.map(fromRow),
        {
          seq: from ? Number(from.seq) + 1 : 1,
          prevHash: from ? from.hash : GENESIS_HASH,
        },
        new Map(vouched.map(v => [Number(v.seq), v.hash])),
      );
      const gone = brokenAt === undefined ? prefix : prefix.slice(0, brokenAt);
      const brokenSeq =
        brokenAt === undefined ? undefined : Number(prefix[brokenAt].seq);
      if (gone.length === 0) {
        return { done: true, brokenSeq };
      }
      const last = gone[gone.length - 1];
      await trx(TABLE).where('seq', '<=', last.seq).delete();
      const checkpoint = this.keys.sign({
        kind: 'retention',
        seq: Number(last.seq),
        hash: last.hash,
        createdAt: new Date().toISOString(),
        removed: removedBefore + gone.length,
        cut,
      });
      const row = toCheckpointRow(checkpoint);
      let checkpointId = options.checkpointId;
      if (checkpointId === undefined) {
        const [inserted] = await trx(CHECKPOINTS).insert(row, ['id']);
        checkpointId = Number(
          typeof inserted === 'object' ? inserted.id : inserted,
        );
      } else {
        await trx(CHECKPOINTS).where('id', checkpointId).update(row);
      }
      return {
        done: brokenAt !== undefined || keep !== -1 || rows.length < batchSize,
        checkpoint,
        checkpointId,
        brokenSeq,
      };
    });
  }

  private async lockChain(trx: Knex.Transaction) {
    if (isPostgres(trx)) {
      // A writer that holds the chain for long (or a stuck one) must not make every other
      // request wait without end: after the lock timeout the request is refused as retryable.
      await trx.raw(
        `SET LOCAL lock_timeout = ${Math.round(this.lockTimeoutMs)}`,
      );
      try {
        await trx.raw('SELECT pg_advisory_xact_lock(?)', [CHAIN_LOCK_KEY]);
      } catch (error) {
        if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) {
          throw new ServiceUnavailableError(
            `The action log is busy: another writer has held it for ${this.lockTimeoutMs} ms; nothing was written, retry`,
          );
        }
        throw error;
      }
    }
    // better-sqlite3: the single connection serialises transactions in this process, and
    // SQLite allows one writer per database file.
  }
}

/**
 * The index in `actions` of the first one whose link does not hold, starting from `expected`
 * (the seq and prevHash the first one must have), or whose hash is not the one a checkpoint
 * holds for its seq (`vouched`); undefined when all hold.
 */
function firstBrokenLink(
  actions: StoredAction[],
  expected: { seq: number; prevHash: string },
  vouched: Map<number, string>,
): number | undefined {
  let { seq, prevHash } = expected;
  for (let i = 0; i < actions.length; i++) {
    if (!holdsLink(actions[i], { seq, prevHash })) return i;
    if ((vouched.get(seq) ?? actions[i].hash) !== actions[i].hash) return i;
    seq += 1;
    prevHash = actions[i].hash;
  }
  return undefined;
}

/** Whether an action is the link `expected` says comes next, and its own hash is right. */
function holdsLink(
  action: StoredAction,
  expected: { seq: number; prevHash: string },
): boolean {
  const { hash, ...rest } = action;
  return (
    rest.seq === expected.seq &&
    rest.prevHash === expected.prevHash &&
    hashAction(rest) === hash
  );
}

function isPostgres(knex: Knex): boolean {
  const client = String(knex.client.config.client);
  return client === 'pg' || client.startsWith('postgres');
}

/** Whether a stored action has the same client-given content as a new one. */
function sameContent(stored: StoredAction, action: NewAction): boolean {
  return (
    stored.occurredAt === action.occurredAt &&
    stored.agent === action.agent &&
    stored.type === action.type &&
    stored.target === action.target &&
    stored.onBehalfOf === action.onBehalfOf &&
    stored.summary === action.summary &&
    stored.status === action.status &&
    stored.traceId === action.traceId &&
    stored.spanId === action.spanId &&
    stored.model === action.model &&
    stored.inputTokens === action.inputTokens &&
    stored.outputTokens === action.outputTokens &&
    stored.attributes === action.attributes
  );
}

function toRow(a: StoredAction): ActionRow {
  return {
    seq: a.seq,
    id: a.id,
    occurred_at: a.occurredAt,
    received_at: a.receivedAt,
    agent: a.agent,
    agent_ref: a.agentRef,
    agent_known: a.agentKnown,
    type: a.type,
    target: a.target,
    target_ref: a.targetRef,
    owner_ref: a.ownerRef,
    on_behalf_of: a.onBehalfOf,
    summary: a.summary,
    status: a.status,
    trace_id: a.traceId,
    span_id: a.spanId,
    model: a.model,
    input_tokens: a.inputTokens,
    output_tokens: a.outputTokens,
    attributes: a.attributes,
    writer: a.writer,
    prev_hash: a.prevHash,
    hash: a.hash,
  };
}

function fromCheckpointRow(r: CheckpointRow): ActionCheckpoint {
  const checkpoint: ActionCheckpoint = {
    kind: r.kind,
    seq: Number(r.seq),
    hash: r.hash,
    createdAt: r.created_at,
  };
  if (r.removed !== null) checkpoint.removed = Number(r.removed);
  if (r.cut !== null) checkpoint.cut = r.cut;
  if (r.key_id !== null) checkpoint.keyId = r.key_id;
  if (r.signature !== null) checkpoint.signature = r.signature;
  return checkpoint;
}

function toCheckpointRow(c: ActionCheckpoint): Omit<CheckpointRow, 'id'> {
  if (c.kind === 'export') {
    throw new Error('Export checkpoints are not stored');
  }
  return {
    kind: c.kind,
    seq: c.seq,
    hash: c.hash,
    removed: c.removed ?? null,
    cut: c.cut ?? null,
    created_at: c.createdAt,
    key_id: c.keyId ?? null,
    signature: c.signature ?? null,
  };
}

function toNumber(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

function fromRow(r: ActionRow): StoredAction {
  return {
    seq: Number(r.seq),
    id: r.id,
    occurredAt: r.occurred_at,
    receivedAt: r.received_at,
    agent: r.agent,
    agentRef: r.agent_ref,
    agentKnown: Boolean(r.agent_known),
    type: r.type,
    target: r.target,
    targetRef: r.target_ref,
    ownerRef: r.owner_ref,
    onBehalfOf: r.on_behalf_of,
    summary: r.summary,
    status: r.status,
    traceId: r.trace_id,
    spanId: r.span_id,
    model: r.model,
    inputTokens: toNumber(r.input_tokens),
    outputTokens: toNumber(r.output_tokens),
    attributes: r.attributes,
    writer: r.writer ?? null,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
