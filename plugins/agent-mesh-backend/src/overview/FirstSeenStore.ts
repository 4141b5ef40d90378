import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { migratedClient } from '../database/migrations';

const TABLE = 'agent_mesh_entity_first_seen';
const CHUNK = 500;

/** When the plugin first saw an entity in the catalog. */
export interface FirstSeen {
  /** ISO 8601 UTC. */
  firstSeenAt: string;
  /**
   * Seen by the first recording ever, when the table was empty: the entity existed before Agent
   * Mesh looked, so `firstSeenAt` says nothing about when it appeared.
   */
  baseline: boolean;
}

/** When the plugin first saw each Agent and AI-built entity (the catalog keeps no creation time). */
export interface FirstSeenStore {
  /**
   * Records the refs not recorded yet as seen at `seenAt`. When the table is empty, they are
   * recorded as the baseline. Returns how many were new.
   */
  record(refs: string[], seenAt: string): Promise<number>;
  /** What is recorded for these refs (lower-case keys); refs never seen are left out. */
  get(refs: string[]): Promise<Map<string, FirstSeen>>;
}

interface Row {
  entity_ref: string;
  first_seen_at: string;
  baseline: boolean | number;
}

/** The first-seen times in the plugin's database (PostgreSQL or SQLite). */
export class DatabaseFirstSeenStore implements FirstSeenStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseFirstSeenStore> {
    return new DatabaseFirstSeenStore(
      await migratedClient(options.database, options),
    );
  }

  private constructor(private readonly db: Knex) {}

  async record(refs: string[], seenAt: string): Promise<number> {
    const wanted = [...new Set(refs.map(r => r.toLocaleLowerCase('en-US')))];
    if (wanted.length === 0) return 0;
    return this.db.transaction(async trx => {
      const any = await trx(TABLE).select('entity_ref').first();
      const baseline = !any;
      let recorded = 0;
      for (let i = 0; i < wanted.length; i += CHUNK) {
        const chunk = wanted.slice(i, i + CHUNK);
        const known = new Set(
          (
            await trx<Row>(TABLE)
              .whereIn('entity_ref', chunk)
              .select('entity_ref')
          ).map(r => r.entity_ref),
        );
        const rows = chunk
          .filter(ref => !known.has(ref))
          .map(ref => ({ entity_ref: ref, first_seen_at: seenAt, baseline }));
        if (rows.length === 0) continue;
        // Another replica may record the same ref at the same time: the first write wins.
        await trx(TABLE).insert(rows).onConflict('entity_ref').ignore();
        recorded += rows.length;
      }
      return recorded;
    });
  }

  async get(refs: string[]): Promise<Map<string, FirstSeen>> {
    const wanted = [...new Set(refs.map(r => r.toLocaleLowerCase('en-US')))];
    const result = new Map<string, FirstSeen>();
    for (let i = 0; i < wanted.length; i += CHUNK) {
      const rows: Row[] = await this.db<Row>(TABLE)
        .whereIn('entity_ref', wanted.slice(i, i + CHUNK))
        .select();
      for (const row of rows) {
        result.set(row.entity_ref, {
          firstSeenAt: row.first_seen_at,
          baseline: Boolean(row.baseline),
        });
      }
    }
    return result;
  }
}
