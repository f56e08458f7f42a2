export { createStore } from "./createStore.ts";
export type { Store, StoreOptions } from "./createStore.ts";
export { StoreError, isStoreError, storeErrorCodes } from "./errors/StoreError.ts";
export type { StoreErrorCode } from "./errors/StoreError.ts";
export { applyMigrations } from "./migrations/applyMigrations.ts";
export type {
  ApplyMigrationsOptions,
  MigrationReport,
} from "./migrations/applyMigrations.ts";
export { prepareDatabase } from "./migrations/prepareDatabase.ts";
export type { PreparedDatabase } from "./migrations/prepareDatabase.ts";
export { DEFAULT_MIGRATIONS_DIR } from "./migrations/readMigrations.ts";
export { ensureDatabase } from "./database/ensureDatabase.ts";
export { dedupeKey } from "./analyses/dedupeKey.ts";
export { platforms, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./types.ts";
export type * from "./types.ts";
