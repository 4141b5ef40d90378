import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { migratedClient } from '../database/migrations';
import { canonicalJson, hashEntry, OverlapEntry } from './entry';

const SUBJECTS = 'agent_mesh_overlap_subjects';
const STATE = 'agent_mesh_overlap_state';

/** Rows per statement; keeps bound parameters well under every driver's limit. */
const CHUNK = 200;

/** Rows per page when every entry is read (`forEachEntry`). */
const PAGE = 2_000;

/**
 * Changes since a given counter value, or `reload` when tombstones were pruned meanwhile (the
 * reader has to read every entry again).
 */
export type OverlapChanges =
  | {
      kind: 'changes';
      seq: number;
      upserts: OverlapEntry[];
      removed: string[];
      /** When a reconcile with the catalog last completed (epoch ms), if ever. */
      reconciledAt?: number;
    }
  | { kind: 'reload' };

/** The stored overlap subjects, shared by all replicas. */
export interface OverlapSubjectStore {
  /** The change counter: it grows with every write. */
  currentSeq(): Promise<number>;
  /**
   * Hands every live entry to `visit`, a page at a time so that only one page is in memory,
   * and returns the counter value they reflect (at least).
   */
  forEachEntry(
    visit: (entry: OverlapEntry) => void,
    pageSize?: number,
  ): Promise<number>;
  /** What changed after `seq` (entries written and refs removed). */
  changesSince(seq: number): Promise<OverlapChanges>;
  /** Hash of every live entry, by ref, and the counter value they reflect. */
  hashes(): Promise<{ seq: number; hashes: Map<string, string> }>;
  /**
   * Writes entries and removes refs in one transaction under one new counter value, which it
   * returns. `removeIfSeqAtMost` keeps rows that were written after that counter value (by an
   * on-demand refresh while a reconcile ran) from being removed.
   */
  write(change: {
    upserts?: OverlapEntry[];
    removes?: string[];
    removeIfSeqAtMost?: number;
  }): Promise<number>;
  /** Drops tombstones written before `olderThanMs` (epoch ms). */
  pruneTombstones(olderThanMs: number): Promise<number>;
  /** Records that a reconcile with the catalog completed at `at` (epoch ms). */
  markReconciled(at: number): Promise<void>;
  /** When a reconcile last completed (epoch ms), or undefined before the first. */
  reconciledAt(): Promise<number | undefined>;
}

interface SubjectRow {
  entity_ref: string;
  subject: string | null;
  hash: string | null;
  seq: number | string;
  deleted: boolean | number;
  updated_at: number | string;
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    out.push(items.slice(i, i + CHUNK));
  }
  return out;
}

const parse = (row: SubjectRow): OverlapEntry => JSON.parse(row.subject!);

/**
 * The subjects in the plugin's database (PostgreSQL or SQLite). Removals leave tombstones so that
 * other replicas can apply them incrementally; a one-row counter (`agent_mesh_overlap_state`) is
 * bumped inside every write transaction. On PostgreSQL the bump takes the row lock, so writers
 * are serialised and a counter value is only visible once its rows are: a reader that has seen
 * counter N has seen every row written with a value up to N.
 */
export class DatabaseOverlapSubjectStore implements OverlapSubjectStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseOverlapSubjectStore> {
    return new DatabaseOverlapSubjectStore(
      await migratedClient(options.database, options),
    );
  }

  constructor(private readonly db: Knex) {}

  async currentSeq(): Promise<number> {
    return (await this.#state(this.db)).seq;
  }

  async forEachEntry(
    visit: (entry: OverlapEntry) => void,
    pageSize = PAGE,
  ): Promise<number> {
    // The counter is read first: rows written after it are read too, and applied again by the
    // next changesSince(seq), which is harmless (upserts and removals are idempotent). Pages
    // follow the primary key, so a row written meanwhile is read at most once.
    const { seq } = await this.#state(this.db);
    let after: string | undefined;
    for (;;) {
      const query = this.db(SUBJECTS)
        .where('deleted', false)
        .orderBy('entity_ref')
        .limit(pageSize)
        .select('entity_ref', 'subject');
      if (after !== undefined) query.andWhere('entity_ref', '>', after);
      const rows: SubjectRow[] = await query;
      for (const row of rows) visit(parse(row));
      if (rows.length < pageSize) return seq;
      after = rows[rows.length - 1].entity_ref;
    }
  }

  /** Every live entry and the counter value they reflect, at once (for tests and tools). */
  async loadAll(): Promise<{ seq: number; entries: OverlapEntry[] }> {
    const entries: OverlapEntry[] = [];
    const seq = await this.forEachEntry(entry => entries.push(entry));
    return { seq, entries };
  }

  async changesSince(since: number): Promise<OverlapChanges> {
    const state = await this.#state(this.db);
    const { reconciledAt } = state;
    if (state.seq === since) {
      return {
        kind: 'changes',
        seq: since,
        upserts: [],
        removed: [],
        reconciledAt,
      };
    }
    if (since < state.prunedSeq) return { kind: 'reload' };
    const rows: SubjectRow[] = await this.db(SUBJECTS)
      .where('seq', '>', since)
      .select('entity_ref', 'subject', 'deleted', 'seq');
    let seq = state.seq;
    const upserts: OverlapEntry[] = [];
    const removed: string[] = [];
    for (const row of rows) {
      seq = Math.max(seq, Number(row.seq));
      if (row.deleted) removed.push(row.entity_ref);
      else upserts.push(parse(row));
    }
    return { kind: 'changes', seq, upserts, removed, reconciledAt };
  }

  async hashes(): Promise<{ seq: number; hashes: Map<string, string> }> {
    const seq = await this.currentSeq();
    const rows: Array<Pick<SubjectRow, 'entity_ref' | 'hash'>> = await this.db(
      SUBJECTS,
    )
      .where('deleted', false)
      .select('entity_ref', 'hash');
    return { seq, hashes: new Map(rows.map(r => [r.entity_ref, r.hash!])) };
  }

  async write(change: {
    upserts?: OverlapEntry[];
    removes?: string[];
    removeIfSeqAtMost?: number;
  }): Promise<number> {
    const upserts = change.upserts ?? [];
    const removes = change.removes ?? [];
    return this.db.transaction(async trx => {
      const seq = await this.#bump(trx);
      const now = Date.now();
      for (const part of chunks(upserts)) {
        await trx(SUBJECTS)
          .insert(
            part.map(entry => ({
              entity_ref: entry.entityRef,
              subject: canonicalJson(entry),
              hash: hashEntry(entry),
              seq,
              deleted: false,
              updated_at: now,
            })),
          )
          .onConflict('entity_ref')
          .merge(['subject', 'hash', 'seq', 'deleted', 'updated_at']);
      }
      for (const part of chunks(removes)) {
        const q = trx(SUBJECTS)
          .whereIn('entity_ref', part)
          .where('deleted', false);
        if (change.removeIfSeqAtMost !== undefined) {
          q.where('seq', '<=', change.removeIfSeqAtMost);
        }
        await q.update({
          subject: null,
          hash: null,
          deleted: true,
          seq,
          updated_at: now,
        });
      }
      return seq;
    });
  }

  async pruneTombstones(olderThanMs: number): Promise<number> {
    return this.db.transaction(async trx => {
      const highest = await trx(SUBJECTS)
        .where('deleted', true)
        .where('updated_at', '<', olderThanMs)
        .max({ seq: 'seq' })
        .first();
      if (highest?.seq === null || highest?.seq === undefined) return 0;
      const prunedSeq = Number(highest.seq);
      const count = await trx(SUBJECTS)
        .where('deleted', true)
        .where('seq', '<=', prunedSeq)
        .delete();
      const state = await this.#state(trx);
      await trx(STATE)
        .where({ id: 1 })
        .update({ pruned_seq: Math.max(state.prunedSeq, prunedSeq) });
      return count;
    });
  }

  async markReconciled(at: number): Promise<void> {
    await this.db(STATE).where({ id: 1 }).update({ reconciled_at: at });
  }

  async reconciledAt(): Promise<number | undefined> {
    return (await this.#state(this.db)).reconciledAt;
  }

  async #state(db: Knex | Knex.Transaction) {
    const row = await db(STATE)
      .where({ id: 1 })
      .first('seq', 'pruned_seq', 'reconciled_at');
    return {
      seq: Number(row.seq),
      prunedSeq: Number(row.pruned_seq),
      reconciledAt:
        row.reconciled_at === null || row.reconciled_at === undefined
          ? undefined
          : Number(row.reconciled_at),
    };
  }

  /** Increments the counter; on PostgreSQL the row lock is held until the transaction ends. */
  async #bump(trx: Knex.Transaction): Promise<number> {
    await trx(STATE)
      .where({ id: 1 })
      .update({ seq: trx.raw('seq + 1') });
    return (await this.#state(trx)).seq;
  }
}
