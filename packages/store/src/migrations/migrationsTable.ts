/**
 * The table Prisma Migrate keeps its history in, created exactly as Prisma
 * creates it, so that `prisma migrate status` or `deploy` with a native
 * engine later sees these migrations as applied.
 */
export const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * The advisory lock Prisma Migrate takes, so that two processes starting at
 * once (or this runner and Prisma) never apply the same migration twice.
 */
export const MIGRATION_LOCK_KEY = 72707369;

/** One row of `_prisma_migrations`. */
export interface AppliedMigration {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}
