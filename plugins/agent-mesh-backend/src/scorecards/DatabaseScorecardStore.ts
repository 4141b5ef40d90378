import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { migratedClient } from '../database/migrations';
import { ScorecardStore, StoredScorecard } from './ScorecardStore';
import { ScorecardResult } from './types';

const HISTORY = 'agent_mesh_scorecard_results';
const LATEST = 'agent_mesh_scorecard_latest';
const RUNS = 'agent_mesh_scorecard_runs';
const CHUNK = 200;
/** Runs read at a time while filling a history. */
const RUNS_PAGE = 500;

interface Row {
  entity_ref: string;
  owner_ref: string | null;
  evaluated_at: string;
  score: number | string;
  level: string | null;
  checks: string;
}

interface HistoryRow extends Row {
  id: number | string;
  last_evaluated_at: string | null;
}

interface RunRow {
  evaluated_at: string;
  complete: boolean | number;
}

function fromRow(row: Row, evaluatedAt = row.evaluated_at): StoredScorecard {
  return {
    entityRef: row.entity_ref,
    ownerRef: row.owner_ref,
    evaluatedAt,
    score: Number(row.score),
    level: row.level,
    checks: JSON.parse(row.checks),
  };
}

/** Whether a new result says the same as the stored row, to the letter. */
function sameResult(row: Row, next: Row): boolean {
  return (
    Number(row.score) === Number(next.score) &&
    row.level === next.level &&
    row.owner_ref === next.owner_ref &&
    row.checks === next.checks
  );
}

function chunks<T>(values: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) {
    result.push(values.slice(i, i + CHUNK));
  }
  return result;
}

/**
 * Scorecard results in the plugin's database (PostgreSQL or SQLite). The history keeps a row
 * only when an entity's result changes (score, level, owner or any check's outcome), plus one
 * row per run in `agent_mesh_scorecard_runs`; the read side gives an entity one result per run
 * that evaluated it, the row in force at that run, as when every run stored every result.
 */
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
    const { evaluatedAt } = options;
    const complete = Boolean(options.complete);
    const rows = new Map<string, Row>();
    for (const r of results) {
      rows.set(r.entityRef, {
        entity_ref: r.entityRef,
        owner_ref: r.ownerRef,
        evaluated_at: evaluatedAt,
        score: r.score,
        level: r.level,
        checks: JSON.stringify(r.checks),
      });
    }
    await this.db.transaction(async trx => {
      const run = trx(RUNS)
        .insert({ evaluated_at: evaluatedAt, complete })
        .onConflict('evaluated_at');
      await (complete ? run.merge(['complete']) : run.ignore());

      const changed: Row[] = [];
      const unchanged: string[] = [];
      for (const chunk of chunks([...rows.keys()])) {
        const stored = new Map(
          (await trx<Row>(LATEST).whereIn('entity_ref', chunk).select()).map(
            row => [row.entity_ref, row],
          ),
        );
        for (const ref of chunk) {
          const next = rows.get(ref)!;
          const before = stored.get(ref);
          // A run that covers only some entities stores each of them: the history of an entity
          // is filled only from the complete runs between its rows.
          if (complete && before && sameResult(before, next)) {
            unchanged.push(ref);
          } else {
            changed.push(next);
          }
        }
      }
      for (const chunk of chunks(changed)) {
        await trx(HISTORY).insert(chunk);
        await trx(LATEST)
          .insert(chunk)
          .onConflict('entity_ref')
          .merge(['owner_ref', 'evaluated_at', 'score', 'level', 'checks']);
      }
      for (const chunk of chunks(unchanged)) {
        await trx(LATEST)
          .whereIn('entity_ref', chunk)
          .update({ evaluated_at: evaluatedAt });
      }

      if (complete) {
        // Entities that the run did not evaluate are gone: their history ends with the last run
        // that evaluated them.
        const gone: Pick<Row, 'entity_ref' | 'evaluated_at'>[] = await trx<Row>(
          LATEST,
        )
          .where('evaluated_at', '<', evaluatedAt)
          .select('entity_ref', 'evaluated_at');
        for (const { entity_ref, evaluated_at } of gone) {
          await trx(HISTORY)
            .where('entity_ref', entity_ref)
            .whereNull('last_evaluated_at')
            .update({ last_evaluated_at: evaluated_at });
        }
        await trx(LATEST).where('evaluated_at', '<', evaluatedAt).delete();
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
      return rows.map(r => fromRow(r));
    }
    const result: StoredScorecard[] = [];
    for (const chunk of chunks(ownerRefs)) {
      const rows: Row[] = await this.db<Row>(LATEST)
        .whereIn('owner_ref', chunk)
        .select();
      result.push(...rows.map(r => fromRow(r)));
    }
    return result.sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  }

  async history(
    entityRef: string,
    options?: { limit?: number },
  ): Promise<StoredScorecard[]> {
    const limit = options?.limit ?? 100;
    const rows: HistoryRow[] = await this.db<HistoryRow>(HISTORY)
      .where('entity_ref', entityRef)
      .orderBy([
        { column: 'evaluated_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .select();
    if (rows.length === 0) return [];
    const last = rows[rows.length - 1];
    const current = await this.db<Row>(LATEST)
      .where('entity_ref', entityRef)
      .first('evaluated_at');
    // The last run that evaluated the entity: now, or when it left the catalog.
    const end =
      current?.evaluated_at ?? last.last_evaluated_at ?? last.evaluated_at;

    const points: StoredScorecard[] = [];
    let inForce = rows.length - 1;
    let before: string | undefined;
    while (points.length < limit) {
      const query = this.db<RunRow>(RUNS)
        .where('evaluated_at', '>=', rows[0].evaluated_at)
        .where('evaluated_at', '<=', end)
        .orderBy('evaluated_at', 'desc')
        .limit(RUNS_PAGE);
      if (before !== undefined) query.where('evaluated_at', '<', before);
      const runs: RunRow[] = await query.select();
      for (const run of runs) {
        while (inForce > 0 && rows[inForce].evaluated_at > run.evaluated_at) {
          inForce--;
        }
        const row = rows[inForce];
        const ended =
          row.last_evaluated_at !== null &&
          run.evaluated_at > row.last_evaluated_at;
        // A run that covered only some entities evaluated this one only if it stored a row.
        const evaluated =
          Boolean(run.complete) || row.evaluated_at === run.evaluated_at;
        if (!ended && evaluated) {
          points.push(fromRow(row, run.evaluated_at));
          if (points.length === limit) break;
        }
      }
      if (runs.length < RUNS_PAGE) break;
      before = runs[runs.length - 1].evaluated_at;
    }
    return points;
  }

  async pruneHistory(before: string): Promise<number> {
    return this.db.transaction(async trx => {
      await trx(RUNS).where('evaluated_at', '<', before).delete();
      // A row is kept while it is in force at some run from `before` on: the newest row of each
      // entity at that time stays, so that the runs after it still have their result.
      const deleted = await trx(HISTORY)
        .where('evaluated_at', '<', before)
        .where(old =>
          old
            .whereExists(
              trx(`${HISTORY} as newer`)
                .select(trx.raw('1'))
                .whereRaw(`newer.entity_ref = ${HISTORY}.entity_ref`)
                .whereRaw(`newer.evaluated_at > ${HISTORY}.evaluated_at`)
                .where('newer.evaluated_at', '<=', before),
            )
            .orWhere('last_evaluated_at', '<', before)
            .orWhere(legacy =>
              legacy
                .whereNull('last_evaluated_at')
                .whereNotExists(
                  trx(LATEST)
                    .select(trx.raw('1'))
                    .whereRaw(`${LATEST}.entity_ref = ${HISTORY}.entity_ref`),
                )
                .whereNotExists(
                  trx(`${HISTORY} as newer`)
                    .select(trx.raw('1'))
                    .whereRaw(`newer.entity_ref = ${HISTORY}.entity_ref`)
                    .whereRaw(`newer.evaluated_at > ${HISTORY}.evaluated_at`),
                ),
            ),
        )
        .delete();
      return Number(deleted);
    });
  }
}
