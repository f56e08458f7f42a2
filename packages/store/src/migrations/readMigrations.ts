import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { StoreError } from "../errors/StoreError.ts";

/** The repository's prisma/migrations, next to prisma/schema.prisma. */
export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(
  new URL("../../../../prisma/migrations", import.meta.url),
);

export interface MigrationFile {
  /** The folder name, e.g. `20261204153904_init`. */
  name: string;
  sql: string;
  /** sha256 of migration.sql in hex, as Prisma records it. */
  checksum: string;
}

/**
 * Reads every `<name>/migration.sql` under `dir`, oldest first (folder
 * names start with a UTC timestamp, so name order is age order).
 *
 * @throws {@link StoreError} MIGRATION_FAILED when the folder cannot be read
 * or a folder has no migration.sql
 */
export async function readMigrations(
  dir: string = DEFAULT_MIGRATIONS_DIR,
): Promise<MigrationFile[]> {
  const names = await listMigrationNames(dir);
  return Promise.all(names.map((name) => readMigration(dir, name)));
}

async function listMigrationNames(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return (
      entries
        // Every folder is a migration, as for Prisma: skipping a misnamed one
        // silently would leave the database behind the schema.
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    );
  } catch (error) {
    throw new StoreError(
      "MIGRATION_FAILED",
      `cannot read the migrations folder ${dir}: it should hold one folder ` +
        "per migration, each with a migration.sql",
      { cause: error },
    );
  }
}

async function readMigration(dir: string, name: string): Promise<MigrationFile> {
  const path = join(dir, name, "migration.sql");
  try {
    const sql = await readFile(path, "utf8");
    return { name, sql, checksum: sha256(sql) };
  } catch (error) {
    throw new StoreError(
      "MIGRATION_FAILED",
      `migration ${name} has no readable migration.sql at ${path}`,
      { cause: error },
    );
  }
}

/**
 * Whether a recorded checksum belongs to this script. Like Prisma, it
 * accepts the script with either line ending, so a checkout on Windows does
 * not look edited.
 */
export function checksumMatches(migration: MigrationFile, checksum: string): boolean {
  const unix = migration.sql.replace(/\r\n/g, "\n");
  const windows = unix.replace(/\n/g, "\r\n");
  return [migration.checksum, sha256(unix), sha256(windows)].includes(checksum);
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
