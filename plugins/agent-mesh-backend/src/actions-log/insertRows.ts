import { Knex } from 'knex';

/** Rows per multi-row INSERT; keeps the bound parameters well under every driver's limit. */
const INSERT_CHUNK = 500;

/** The part of a better-sqlite3 connection that inserting needs. */
interface SqliteConnection {
  prepare(sql: string): { run(values: unknown[]): unknown };
}

/**
 * Inserts rows into `table` inside `trx`. On better-sqlite3 (the embedded default) one prepared
 * single-row INSERT runs for every row on the transaction's connection: a multi-row INSERT of
 * 500 rows has 11,000 parameters, and knex builds and SQLite compiles such a statement afresh
 * for every batch, which took about as long as storing the rows. Other databases get plain
 * multi-row INSERTs, where one statement saves round trips.
 */
export async function insertRows<Row extends object>(
  trx: Knex.Transaction,
  table: string,
  columns: (keyof Row & string)[],
  rows: Row[],
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  if (String(trx.client.config.client) !== 'better-sqlite3') {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await trx(table).insert(rows.slice(i, i + INSERT_CHUNK));
    }
    return;
  }
  // Inside a transaction knex hands out the transaction's own connection, so the rows are
  // written, or rolled back, with everything else the transaction does.
  const connection: SqliteConnection = await trx.client.acquireConnection();
  const insert = connection.prepare(
    `INSERT INTO \`${table}\` (${columns
      .map(c => `\`${c}\``)
      .join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  for (const row of rows) {
    insert.run(
      columns.map(column => {
        const value = row[column] as unknown;
        // As knex binds them for better-sqlite3.
        return typeof value === 'boolean' ? Number(value) : value ?? null;
      }),
    );
  }
}
