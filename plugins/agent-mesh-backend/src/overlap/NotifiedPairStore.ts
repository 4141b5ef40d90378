import { Knex } from 'knex';

const TABLE = 'agent_mesh_overlap_notified_pairs';
const CHUNK = 200;

/** The overlap pairs whose owners were already notified, shared by all replicas. */
export class NotifiedPairStore {
  constructor(private readonly db: Knex) {}

  /**
   * Records the pairs and returns those that were not recorded before: only those may be
   * notified. A pair is recorded before its notifications are sent, so that it is never sent
   * twice, even when two replicas claim it at once (the primary key decides).
   */
  async claim(pairKeys: string[]): Promise<string[]> {
    const claimed: string[] = [];
    const keys = [...new Set(pairKeys)];
    for (let i = 0; i < keys.length; i += CHUNK) {
      const part = keys.slice(i, i + CHUNK);
      const rows: Array<{ pair_key: string }> = await this.db(TABLE)
        .insert(part.map(pair_key => ({ pair_key, notified_at: Date.now() })))
        .onConflict('pair_key')
        .ignore()
        .returning('pair_key');
      claimed.push(...rows.map(r => r.pair_key));
    }
    return claimed;
  }
}
