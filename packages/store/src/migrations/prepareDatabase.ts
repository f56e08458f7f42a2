import { ensureDatabase } from "../database/ensureDatabase.ts";
import {
  applyMigrations,
  type ApplyMigrationsOptions,
  type MigrationReport,
} from "./applyMigrations.ts";

export interface PreparedDatabase extends MigrationReport {
  /** Whether the database itself was created by this call. */
  created: boolean;
}

/**
 * Creates the database if the server lacks it, then applies the pending
 * migrations. What `npm run db:migrate` and the setup script run.
 *
 * @throws {@link StoreError} as {@link ensureDatabase} and {@link applyMigrations}
 */
export async function prepareDatabase(
  options: ApplyMigrationsOptions,
): Promise<PreparedDatabase> {
  const created = await ensureDatabase(options.databaseUrl);
  const report = await applyMigrations(options);
  return { created, ...report };
}
