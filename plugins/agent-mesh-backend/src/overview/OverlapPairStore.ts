import { DatabaseService } from '@backstage/backend-plugin-api';
import { OverlapKind } from '@agent-mesh/plugin-agent-mesh-common';
import { Knex } from 'knex';
import { migratedClient } from '../database/migrations';

const PAIRS = 'agent_mesh_overview_overlap_pairs';
const STATE = 'agent_mesh_overview_state';
const CHUNK = 100;
const READ_ATTEMPTS = 5;

/** An unacknowledged cross-team overlap that both sides report, as refs. */
export interface StoredOverlapPair {
  /** Full, lower-case refs; `a` sorts before `b`. */
  a: string;
  b: string;
  score: number;
  kind: OverlapKind;
  reasons: string[];
}

/** What the stored pairs were computed from. */
export interface OverlapPairsState {
  /** Bumped by every write: a replica reloads the pairs when it moves. */
  version: number;
  /** The overlap index version (`OverlapService.indexVersion`) that was asked. */
  indexVersion: number;
  /** Hash of the AI-built entities (refs and owners) that were asked about. */
  subjectsHash: string;
  /** ISO 8601. */
  computedAt: string;
}

/**
 * The overview's overlap pairs, shared by all replicas: one of them asks the overlap index about
 * every AI-built entity (the slow part of an overview) when the index changed, and every replica
 * loads the result.
 */
export interface OverlapPairStore {
  state(): Promise<OverlapPairsState | undefined>;
  /** The pairs with the state they belong to, read consistently. */
  read(): Promise<{ state: OverlapPairsState; pairs: StoredOverlapPair[] }>;
  /** Replaces all pairs in one transaction. */
  replace(
    pairs: StoredOverlapPair[],
    from: Omit<OverlapPairsState, 'version'>,
  ): Promise<void>;
}

interface StateRow {
  version: number | string;
  index_version: number | string;
  subjects_hash: string;
  computed_at: string;
}

interface PairRow {
  a_ref: string;
  b_ref: string;
  score: number | string;
  kind: string;
  reasons: string;
}

const fromStateRow = (row: StateRow): OverlapPairsState => ({
  version: Number(row.version),
  indexVersion: Number(row.index_version),
  subjectsHash: row.subjects_hash,
  computedAt: row.computed_at,
});

/** The pairs in the plugin's database (PostgreSQL or SQLite). */
export class DatabaseOverlapPairStore implements OverlapPairStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseOverlapPairStore> {
    return new DatabaseOverlapPairStore(
      await migratedClient(options.database, options),
    );
  }

  private constructor(private readonly db: Knex) {}

  async state(): Promise<OverlapPairsState | undefined> {
    const row: StateRow | undefined = await this.db<StateRow>(STATE)
      .where('id', 1)
      .first();
    return row ? fromStateRow(row) : undefined;
  }

  async read(): Promise<{
    state: OverlapPairsState;
    pairs: StoredOverlapPair[];
  }> {
    // Each write replaces the pairs and bumps the version in one transaction: pairs read between
    // two reads of the same version belong to it.
    for (let attempt = 1; ; attempt++) {
      const before = await this.state();
      if (!before) throw new Error('No overlap pairs have been stored yet');
      const rows: PairRow[] = await this.db<PairRow>(PAIRS).select();
      const after = await this.state();
      if (after?.version !== before.version) {
        if (attempt < READ_ATTEMPTS) continue;
        throw new Error('The overlap pairs kept changing while being read');
      }
      return {
        state: before,
        pairs: rows.map(row => ({
          a: row.a_ref,
          b: row.b_ref,
          score: Number(row.score),
          kind: row.kind as OverlapKind,
          reasons: JSON.parse(row.reasons),
        })),
      };
    }
  }

  async replace(
    pairs: StoredOverlapPair[],
    from: Omit<OverlapPairsState, 'version'>,
  ): Promise<void> {
    await this.db.transaction(async trx => {
      const current: StateRow | undefined = await trx<StateRow>(STATE)
        .where('id', 1)
        .first();
      await trx(PAIRS).delete();
      for (let i = 0; i < pairs.length; i += CHUNK) {
        await trx(PAIRS).insert(
          pairs.slice(i, i + CHUNK).map(p => ({
            a_ref: p.a,
            b_ref: p.b,
            score: p.score,
            kind: p.kind,
            reasons: JSON.stringify(p.reasons),
          })),
        );
      }
      const row = {
        id: 1,
        version: current ? Number(current.version) + 1 : 1,
        index_version: from.indexVersion,
        subjects_hash: from.subjectsHash,
        computed_at: from.computedAt,
      };
      await trx(STATE).insert(row).onConflict('id').merge();
    });
  }
}
