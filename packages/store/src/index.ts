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
export { createDashboardStore } from "./dashboard/createDashboardStore.ts";
export type { DashboardStore } from "./dashboard/createDashboardStore.ts";
export { DEPTH_BINS, MAX_BROWSE_PAGE_SIZE } from "./dashboard/dashboardTypes.ts";
export type * from "./dashboard/dashboardTypes.ts";
export { ABSOLUTE_SHARE_BINS, SIGNED_SHARE_BINS } from "./dashboard/histogramBins.ts";
export type { BinSpec } from "./dashboard/histogramBins.ts";
export type {
  StoredStudyReport,
  StudyReportInput,
} from "./studyReports/studyReportTypes.ts";
export { createModerationStore } from "./moderation/createModerationStore.ts";
export type { ModerationStore } from "./moderation/createModerationStore.ts";
export type * from "./moderation/moderationTypes.ts";
export type { BlockSubject } from "./moderation/requesterBlocks.ts";
export type { AuditRecord } from "./moderation/auditLog.ts";
