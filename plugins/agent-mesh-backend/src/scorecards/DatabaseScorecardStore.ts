import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { migratedClient } from '../database/migrations';
import { ScorecardStore, StoredScorecard } from './ScorecardStore';
import { ScorecardResult } from './types';

const HISTORY = 'agent_mesh_scorecard_results';
const LATEST = 'agent_mesh_scorecard_latest';
const CHUNK = 200;

interface Row {
  entity_ref: string;
  owner_ref: string | null;
  evaluated_at: string;
  score: number | string;
  level: string | null;
  checks: string;
}

function fromRow(row: Row): StoredScorecard {
  return {
    entityRef: row.entity_ref,
    ownerRef: row.owner_ref,
    evaluatedAt: row.evaluated_at,
    score: Number(row.score),
    level: row.level,
    checks: JSON.parse(row.checks),
  };
}

/** Scorecard results in the plugin's database (PostgreSQL or SQLite). */
export class DatabaseScorecardStore implements ScorecardStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseScorecardStore> {
    return new DatabaseScorecardStore(
      await migratedClient(options.database, {
        skipMigrations: options.skipMigrations,
      }),
    );
  }

  private constructor(private readonly db: Knex) {}

  async recordRun(
    results: (ScorecardResult & { ownerRef: string | null })[],
    options: { evaluatedAt: string; complete?: boolean },
  ): Promise<void> {
    const rows: Row[] = results.map(r => ({
      entity_ref: r.entityRef,
      owner_ref: r.ownerRef,
      evaluated_at: options.evaluatedAt,
      score: r.score,
      level: r.level,
      checks: JSON.stringify(r.checks),
    }));
    await this.db.transaction(async trx => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        await trx(HISTORY).insert(chunk);
        await trx(LATEST)
          .insert(chunk)
          .onConflict('entity_ref')
          .merge(['owner_ref', 'evaluated_at', 'score', 'level', 'checks']);
      }
      if (options.complete) {
        await trx(LATEST)
          .where('evaluated_at', '<', options.evaluatedAt)
          .delete();
      }
    });
  }

  async latest(entityRef: string): Promise<StoredScorecard | undefined> {
    const row: Row | undefined = await this.db<Row>(LATEST)
      .where('entity_ref', entityRef)
      .first();
    return row ? fromRow(row) : undefined;
  }

  async latestByOwners(ownerRefs?: string[]): Promise<StoredScorecard[]> {
    if (ownerRefs === undefined) {
      const rows: Row[] = await this.db<Row>(LATEST)
        .select()
        .orderBy('entity_ref');
      return rows.map(fromRow);
    }
    const result: StoredScorecard[] = [];
    for (let i = 0; i < ownerRefs.length; i += CHUNK) {
      const rows: Row[] = await this.db<Row>(LATEST)
        .whereIn('owner_ref', ownerRefs.slice(i, i + CHUNK))
        .select();
      result.push(...rows.map(fromRow));
    }
    return result.sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  }

  async history(
    entityRef: string,
    options?: { limit?: number },
  ): Promise<StoredScorecard[]> {
    const rows: Row[] = await this.db<Row>(HISTORY)
      .where('entity_ref', entityRef)
      .orderBy([
        { column: 'evaluated_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(options?.limit ?? 100)
      .select();
    return rows.map(fromRow);
  }

  async pruneHistory(before: string): Promise<number> {
    return this.db(HISTORY).where('evaluated_at', '<', before).delete();
  }
}
