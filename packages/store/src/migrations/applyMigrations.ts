import { randomUUID } from "node:crypto";

import pg from "pg";

import { databaseLocation } from "../database/databaseLocation.ts";
import { StoreError } from "../errors/StoreError.ts";
import { toStoreError } from "../errors/toStoreError.ts";
import {
  type AppliedMigration,
  CREATE_MIGRATIONS_TABLE,
  MIGRATION_LOCK_KEY,
} from "./migrationsTable.ts";
import { checksumMatches, type MigrationFile, readMigrations } from "./readMigrations.ts";

export interface ApplyMigrationsOptions {
  databaseUrl: string;
  /** Defaults to the repository's prisma/migrations. */
  migrationsDir?: string;
}

export interface MigrationReport {
  /** Migrations this call applied, oldest first. */
  applied: string[];
  /** Migrations that were applied before. */
  alreadyApplied: string[];
  /** Migrations the database has but the folder lacks (a newer checkout applied them). */
  unknown: string[];
}

/**
 * Applies the checked-in migrations that the database lacks, oldest first,
 * each in its own transaction, recording them in `_prisma_migrations` as
 * Prisma Migrate does. Running it again applies nothing.
 *
 * @throws {@link StoreError} UNAVAILABLE, NOT_MIGRATED when the database
 * does not exist, MIGRATION_FAILED when a migration fails (nothing of it is
 * kept) or an applied one was edited since
 */
export async function applyMigrations(
  options: ApplyMigrationsOptions,
): Promise<MigrationReport> {
  const location = databaseLocation(options.databaseUrl);
  const migrations = await readMigrations(options.migrationsDir);
  const client = new pg.Client({ connectionString: options.databaseUrl });

  try {
    await client.connect();
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const history = await readHistory(client);
    const report = compareHistory(migrations, history);

    const pending = migrations.filter((m) => !report.alreadyApplied.includes(m.name));
    for (const migration of pending) {
      await applyMigration(client, migration);
      report.applied.push(migration.name);
    }
    return report;
  } catch (error) {
    throw toStoreError(error, "apply the migrations", location);
  } finally {
    // Ending the session also releases the advisory lock.
    await client.end().catch(() => undefined);
  }
}

async function readHistory(client: pg.Client): Promise<AppliedMigration[]> {
  const { rows } = await client.query<AppliedMigration>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at
       FROM "_prisma_migrations" ORDER BY started_at`,
  );
  return rows;
}

function compareHistory(
  migrations: MigrationFile[],
  history: AppliedMigration[],
): MigrationReport {
  const unfinished = history.find((row) => !row.finished_at && !row.rolled_back_at);
  if (unfinished) throw unfinishedMigration(unfinished.migration_name);

  const applied = history.filter((row) => row.finished_at && !row.rolled_back_at);
  for (const row of applied) {
    const file = migrations.find((m) => m.name === row.migration_name);
    if (file && !checksumMatches(file, row.checksum)) throw editedMigration(file.name);
  }

  const names = new Set(migrations.map((m) => m.name));
  const appliedNames = new Set(applied.map((row) => row.migration_name));
  return {
    applied: [],
    alreadyApplied: migrations.filter((m) => appliedNames.has(m.name)).map((m) => m.name),
    unknown: [...appliedNames].filter((name) => !names.has(name)),
  };
}

async function applyMigration(
  client: pg.Client,
  migration: MigrationFile,
): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at)
       VALUES ($1, $2, $3, clock_timestamp())`,
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations"
          SET finished_at = clock_timestamp(), applied_steps_count = 1
        WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw failedMigration(migration.name, error);
  }
}

function failedMigration(name: string, cause: unknown): StoreError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new StoreError(
    "MIGRATION_FAILED",
    `migration ${name} failed and was rolled back, so the database is as it ` +
      `was before it: ${reason}`,
    { cause },
  );
}

function unfinishedMigration(name: string): StoreError {
  return new StoreError(
    "MIGRATION_FAILED",
    `migration ${name} was started outside this runner and never finished, ` +
      "so the database may be half-changed: repair it by hand, then record " +
      `it with UPDATE "_prisma_migrations" SET rolled_back_at = now() ` +
      `WHERE migration_name = '${name}'`,
  );
}

function editedMigration(name: string): StoreError {
  return new StoreError(
    "MIGRATION_FAILED",
    `prisma/migrations/${name}/migration.sql was changed after it was ` +
      "applied to this database: restore it from git and put the change in " +
      "a new migration",
  );
}
