import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { migratedClient } from '../database/migrations';
import { ActionAccessFilter } from './permissions/actionResource';
import { whereActionAccess } from './permissions/accessQuery';

const TABLE = 'agent_mesh_actions';

/** Refs per `IN (...)` list; keeps the bound parameters well under every driver's limit. */
const CHUNK = 500;

/** A span of `occurred_at`: `since` inclusive, `until` exclusive (ISO 8601 UTC). */
export interface ActionPeriod {
  since: string;
  until: string;
}

/**
 * Which actions an aggregate covers, from the caller's `agent-mesh.action.read` decision:
 * undefined for all of them, criteria of a conditional decision (sub-teams expanded), or
 * `'nothing'` when the caller may read none.
 */
export type ActionAggregateAccess =
  | PermissionCriteria<ActionAccessFilter>
  | 'nothing'
  | undefined;

/** What a count is grouped by: a column, or the UTC day of `occurred_at`. */
export type ActionCountKey = 'owner_ref' | 'agent_ref' | 'type' | 'day';

/** Counts and first/last times over the action log, for the overview. Read-only. */
export interface ActionAggregates {
  /**
   * Actions in the period per value of the key (null values left out); with `ownerRefs`, only
   * actions whose owning team is one of them.
   */
  countBy(
    key: ActionCountKey,
    period: ActionPeriod,
    options?: { ownerRefs?: string[]; access?: ActionAggregateAccess },
  ): Promise<Map<string, number>>;
  /** The newest `occurred_at` per agent ref, at any time; agents without actions left out. */
  lastByAgent(
    agentRefs: string[],
    options?: { access?: ActionAggregateAccess },
  ): Promise<Map<string, string>>;
  /** The oldest `occurred_at` per target ref, optionally of some action types only. */
  firstByTarget(
    targetRefs: string[],
    options?: { types?: string[]; access?: ActionAggregateAccess },
  ): Promise<Map<string, string>>;
}

function chunks<T>(values: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) {
    result.push(values.slice(i, i + CHUNK));
  }
  return result;
}

/** Aggregate queries over the action log table (PostgreSQL or SQLite). */
export class DatabaseActionAggregates implements ActionAggregates {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseActionAggregates> {
    return new DatabaseActionAggregates(
      await migratedClient(options.database, options),
    );
  }

  private constructor(private readonly db: Knex) {}

  async countBy(
    key: ActionCountKey,
    period: ActionPeriod,
    options: { ownerRefs?: string[]; access?: ActionAggregateAccess } = {},
  ): Promise<Map<string, number>> {
    const { access } = options;
    if (access === 'nothing') return new Map();
    // occurred_at is ISO 8601 text, so its first ten characters are the UTC day on both databases.
    const keyExpr =
      key === 'day' ? this.db.raw('substr(occurred_at, 1, 10)') : key;
    const query = (ownerRefs?: string[]) => {
      const q = this.db(TABLE)
        .select({ key: keyExpr })
        .count({ count: '*' })
        .where('occurred_at', '>=', period.since)
        .where('occurred_at', '<', period.until)
        .groupBy(keyExpr as string);
      if (key !== 'day') q.whereNotNull(key);
      if (ownerRefs) q.whereIn('owner_ref', ownerRefs);
      if (access) q.where(b => whereActionAccess(b, access));
      return q as unknown as Promise<{ key: string; count: number | string }[]>;
    };
    const rows = options.ownerRefs
      ? (
          await Promise.all(
            chunks(lowerAll(options.ownerRefs)).map(chunk => query(chunk)),
          )
        ).flat()
      : await query();
    const result = new Map<string, number>();
    for (const row of rows) {
      result.set(row.key, (result.get(row.key) ?? 0) + Number(row.count));
    }
    return result;
  }

  async lastByAgent(
    agentRefs: string[],
    options: { access?: ActionAggregateAccess } = {},
  ): Promise<Map<string, string>> {
    return this.extremeBy('agent_ref', 'max', agentRefs, options);
  }

  async firstByTarget(
    targetRefs: string[],
    options: { types?: string[]; access?: ActionAggregateAccess } = {},
  ): Promise<Map<string, string>> {
    return this.extremeBy('target_ref', 'min', targetRefs, options);
  }

  private async extremeBy(
    column: 'agent_ref' | 'target_ref',
    fn: 'min' | 'max',
    refs: string[],
    options: { types?: string[]; access?: ActionAggregateAccess },
  ): Promise<Map<string, string>> {
    const { types, access } = options;
    const result = new Map<string, string>();
    if (access === 'nothing') return result;
    for (const chunk of chunks(lowerAll(refs))) {
      const q = this.db(TABLE)
        .select({ ref: column })
        [fn]({ at: 'occurred_at' })
        .whereIn(column, chunk)
        .groupBy(column);
      if (types) q.whereIn('type', types);
      if (access) q.where(b => whereActionAccess(b, access));
      const rows = (await q) as unknown as { ref: string; at: string }[];
      for (const { ref, at } of rows) result.set(ref, at);
    }
    return result;
  }
}

function lowerAll(refs: string[]): string[] {
  return [...new Set(refs.map(r => r.toLocaleLowerCase('en-US')))];
}
