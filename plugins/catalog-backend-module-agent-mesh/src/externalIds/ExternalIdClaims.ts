import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const TABLE = 'agent_mesh_external_id_claims';
const MIGRATIONS_TABLE = 'agent_mesh_catalog_knex_migrations';

function toKey(externalId: string): string {
  return externalId.toLocaleLowerCase('en-US');
}

/** An external id that another agent already holds. */
export interface ExternalIdClash {
  externalId: string;
  heldBy: string;
}

/**
 * First come, first served: the first agent processed with an external id holds it; another
 * agent listing the same id clashes. A holder that has not been processed for `staleAfterMs`
 * (deleted, renamed, or no longer listing the id) loses it to the next claimant.
 */
export class ExternalIdClaims {
  static async create(options: {
    database: DatabaseService;
    staleAfterMs: number;
  }): Promise<ExternalIdClaims> {
    const knex = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@agent-mesh/plugin-catalog-backend-module-agent-mesh',
          'migrations',
        ),
        tableName: MIGRATIONS_TABLE,
      });
    }
    return new ExternalIdClaims(knex, options.staleAfterMs);
  }

  constructor(
    private readonly knex: Knex,
    private readonly staleAfterMs: number,
  ) {}

  /**
   * Records that `entityRef` lists `externalIds` now, releases the ids it no longer lists, and
   * returns the ids that another, live agent holds.
   */
  async claim(
    entityRef: string,
    externalIds: string[],
    now = Date.now(),
  ): Promise<ExternalIdClash[]> {
    // Held by their lower-case form: the action log matches ids without regard to case, so
    // 'Sales-Bot' and 'sales-bot' are one id.
    const keys = externalIds.map(toKey);
    await this.knex(TABLE)
      .where({ entity_ref: entityRef })
      .whereNotIn('external_id', keys)
      .delete();

    const clashes: ExternalIdClash[] = [];
    for (let i = 0; i < externalIds.length; i++) {
      const heldBy = await this.claimOne(entityRef, keys[i], now);
      if (heldBy) clashes.push({ externalId: externalIds[i], heldBy });
    }
    return clashes;
  }

  /** Returns the other holder of the id, or undefined when `entityRef` holds it now. */
  private async claimOne(
    entityRef: string,
    externalId: string,
    now: number,
  ): Promise<string | undefined> {
    await this.knex(TABLE)
      .insert({
        external_id: externalId,
        entity_ref: entityRef,
        last_seen_at: now,
      })
      .onConflict('external_id')
      .ignore();
    const holder:
      | { entity_ref: string; last_seen_at: string | number }
      | undefined = await this.knex(TABLE)
      .where({ external_id: externalId })
      .first();
    if (!holder || holder.entity_ref === entityRef) {
      // (no holder: released by its agent between our insert and read; ours on the next run)
      await this.knex(TABLE)
        .where({ external_id: externalId, entity_ref: entityRef })
        .update({ last_seen_at: now });
      return undefined;
    }
    if (now - Number(holder.last_seen_at) > this.staleAfterMs) {
      const taken = await this.knex(TABLE)
        .where({ external_id: externalId, entity_ref: holder.entity_ref })
        .update({ entity_ref: entityRef, last_seen_at: now });
      if (taken === 1) return undefined;
    }
    return holder.entity_ref;
  }
}
