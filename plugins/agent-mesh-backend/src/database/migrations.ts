import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** The plugin's one migrations folder, shared by every part's store. */
export const migrationsDir = resolvePackagePath(
  '@agent-mesh/plugin-agent-mesh-backend',
  'migrations',
);

/**
 * The plugin's database client, with the migrations of `migrations/` applied unless
 * `database.migrations.skip` is set. Every store's `create()` calls it; `knex.migrate.latest`
 * takes a lock and finds nothing to do after the first call.
 */
export async function migratedClient(
  database: DatabaseService,
  options: { skipMigrations?: boolean } = {},
): Promise<Knex> {
  const client = await database.getClient();
  if (!options.skipMigrations && !database.migrations?.skip) {
    await whileHoldingMigrationLock(client, () =>
      client.migrate.latest({ directory: migrationsDir }),
    );
  }
  return client;
}

/** Key of the PostgreSQL advisory lock taken around the migrations ('AGMIGR'). */
const MIGRATION_LOCK_KEY = 0x4147_4d49_4752;

/**
 * Replicas that start together on a fresh PostgreSQL database would both create knex's own
 * migrations table, and one fails (knex locks the migrations, not the creation of its tables).
 * A session-level advisory lock makes the others wait until the first has migrated.
 */
async function whileHoldingMigrationLock<T>(
  client: Knex,
  migrate: () => Promise<T>,
): Promise<T> {
  const driver = String(client.client.config.client);
  if (driver !== 'pg' && !driver.startsWith('postgres')) {
    return migrate();
  }
  const connection = await client.client.acquireConnection();
  try {
    await client
      .raw('SELECT pg_advisory_lock(?)', [MIGRATION_LOCK_KEY])
      .connection(connection);
    try {
      return await migrate();
    } finally {
      await client
        .raw('SELECT pg_advisory_unlock(?)', [MIGRATION_LOCK_KEY])
        .connection(connection);
    }
  } finally {
    await client.client.releaseConnection(connection);
  }
}
