import knexFactory, { Knex } from 'knex';

export interface BenchDatabase {
  name: 'sqlite' | 'postgres';
  knex: Knex;
  close(): Promise<void>;
}

/** better-sqlite3 in memory, as in the embedded default (`app-config.yaml`). */
export function openSqlite(): BenchDatabase {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  return { name: 'sqlite', knex, close: () => knex.destroy() };
}

/** A fresh database on the PostgreSQL of `connectionString`, dropped on close. */
export async function openPostgres(
  connectionString: string,
): Promise<BenchDatabase> {
  const database = `agent_mesh_bench_${process.pid}_${Date.now()}`;
  const admin = knexFactory({ client: 'pg', connection: connectionString });
  await admin.raw(`CREATE DATABASE ${database}`);
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  const knex = knexFactory({
    client: 'pg',
    connection: url.toString(),
    pool: { min: 0, max: 10 },
  });
  return {
    name: 'postgres',
    knex,
    async close() {
      await knex.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${database}`);
      await admin.destroy();
    },
  };
}

/** An empty table with the columns and indexes of `agent_mesh_actions`, for the raw ceiling. */
export async function createRawCopy(
  db: BenchDatabase,
  table: string,
): Promise<void> {
  if (db.name === 'postgres') {
    await db.knex.raw(
      `CREATE TABLE ${table} (LIKE agent_mesh_actions INCLUDING ALL)`,
    );
    return;
  }
  const objects: { type: string; sql: string }[] = await db.knex.raw(
    `SELECT type, sql FROM sqlite_master WHERE tbl_name = 'agent_mesh_actions' AND sql IS NOT NULL ORDER BY type DESC`,
  );
  for (const { sql } of objects) {
    await db.knex.raw(
      sql
        .replace(/`agent_mesh_actions_/g, `\`${table}_`)
        .replace(/`agent_mesh_actions`/g, `\`${table}\``),
    );
  }
}
