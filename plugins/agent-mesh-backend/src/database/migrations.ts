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
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}
