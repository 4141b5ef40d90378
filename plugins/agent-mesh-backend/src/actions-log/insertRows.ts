import { Knex } from 'knex';

/** Rows per multi-row INSERT; keeps the bound parameters well under every driver's limit. */
const INSERT_CHUNK = 500;

/**
 * Inserts rows into `table` inside `trx`. On SQLite the rows travel as one JSON parameter that
 * `json_each` unpacks: a multi-row INSERT of 500 rows has 11,000 parameters, and better-sqlite3
 * compiles such a statement afresh for every batch, which took more time than storing the rows.
 * Other databases get plain multi-row INSERTs.
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
  if (!isSqlite(trx)) {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await trx(table).insert(rows.slice(i, i + INSERT_CHUNK));
    }
    return;
  }
  const json = JSON.stringify(
    rows.map(row =>
      columns.map(column => {
        const value = row[column] as unknown;
        // better-sqlite3 stores booleans bound as parameters as 1 and 0; JSON keeps them equal.
        return typeof value === 'boolean' ? Number(value) : value ?? null;
      }),
    ),
  );
  const names = columns.map(c => `\`${c}\``).join(', ');
  const values = columns
    .map((_, index) => `json_extract(value, '$[${index}]')`)
    .join(', ');
  await trx.raw(
    `INSERT INTO \`${table}\` (${names}) SELECT ${values} FROM json_each(?)`,
    [json],
  );
}

function isSqlite(knex: Knex): boolean {
  const client = String(knex.client.config.client);
  return client === 'better-sqlite3' || client.startsWith('sqlite');
}
