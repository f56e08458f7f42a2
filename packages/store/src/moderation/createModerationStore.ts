import type { StoreOptions } from "../createStore.ts";
import { createPrismaClient } from "../database/createPrismaClient.ts";
import { databaseLocation } from "../database/databaseLocation.ts";
import type { StoreContext } from "../database/StoreContext.ts";
import type { Platform, StoredAnalysis } from "../types.ts";
import {
  deleteAnalysis,
  deleteOwnAnalysis,
  findAnalysisAuthor,
  hideAnalysis,
  unhideAnalysis,
} from "./analysisModeration.ts";
import { type AuditRecord, readAuditLog, recordAudit } from "./auditLog.ts";
import { deleteExpiredAnalyses } from "./deleteExpiredAnalyses.ts";
import { listForModeration } from "./listForModeration.ts";
import type {
  Actor,
  AuditEntry,
  Author,
  Block,
  ModerationListOptions,
  ModerationPage,
  UnpublishedServer,
} from "./moderationTypes.ts";
import {
  type BlockSubject,
  blockRequester,
  findBlock,
  listBlocks,
  unblockRequester,
} from "./requesterBlocks.ts";
import {
  isServerPublished,
  listUnpublishedServers,
  setServerPublishing,
} from "./serverPublishing.ts";
import { deleteUserData, exportUserData } from "./userData.ts";

/**
 * What operators and authors do to stored analyses, and the records of it.
 * Every change writes an audit line in the same transaction. Every method
 * may throw a {@link StoreError}.
 */
export interface ModerationStore {
  hideAnalysis(id: string, actor: Actor): Promise<void>;
  unhideAnalysis(id: string, actor: Actor): Promise<void>;
  deleteAnalysis(id: string, actor: Actor): Promise<void>;
  deleteOwnAnalysis(id: string, author: Author): Promise<void>;
  findAnalysisAuthor(
    id: string,
  ): Promise<{ platform: Platform; userId: string | null; serverId: string | null }>;
  blockRequester(
    subject: BlockSubject,
    actor: Actor,
    reason?: string | null,
  ): Promise<void>;
  unblockRequester(subject: BlockSubject, actor: Actor): Promise<void>;
  findBlock(requester: {
    platform: Platform;
    userId: string | null;
    serverId: string | null;
  }): Promise<Block | null>;
  listBlocks(): Promise<Block[]>;
  setServerPublishing(
    server: { platform: Platform; serverId: string },
    publish: boolean,
    actor: Actor,
  ): Promise<boolean>;
  isServerPublished(server: {
    platform: Platform;
    serverId: string | null;
  }): Promise<boolean>;
  listUnpublishedServers(): Promise<UnpublishedServer[]>;
  listForModeration(options?: ModerationListOptions): Promise<ModerationPage>;
  recordAudit(record: AuditRecord): Promise<void>;
  readAuditLog(limit?: number): Promise<AuditEntry[]>;
  deleteExpiredAnalyses(days: number, now?: Date): Promise<number>;
  exportUserData(author: Author): Promise<StoredAnalysis[]>;
  deleteUserData(author: Author, actor: Actor): Promise<number>;
}

/** The moderation methods over an open context. */
export function moderationMethods(context: StoreContext): ModerationStore {
  return {
    hideAnalysis: (id, actor) => hideAnalysis(context, id, actor),
    unhideAnalysis: (id, actor) => unhideAnalysis(context, id, actor),
    deleteAnalysis: (id, actor) => deleteAnalysis(context, id, actor),
    deleteOwnAnalysis: (id, author) => deleteOwnAnalysis(context, id, author),
    findAnalysisAuthor: (id) => findAnalysisAuthor(context, id),
    blockRequester: (subject, actor, reason) =>
      blockRequester(context, subject, actor, reason ?? null),
    unblockRequester: (subject, actor) => unblockRequester(context, subject, actor),
    findBlock: (requester) => findBlock(context, requester),
    listBlocks: () => listBlocks(context),
    setServerPublishing: (server, publish, actor) =>
      setServerPublishing(context, server, publish, actor),
    isServerPublished: (server) => isServerPublished(context, server),
    listUnpublishedServers: () => listUnpublishedServers(context),
    listForModeration: (options) => listForModeration(context, options),
    recordAudit: (record) => recordAudit(context, record),
    readAuditLog: (limit) => readAuditLog(context, limit),
    deleteExpiredAnalyses: (days, now) => deleteExpiredAnalyses(context, days, now),
    exportUserData: (author) => exportUserData(context, author),
    deleteUserData: (author, actor) => deleteUserData(context, author, actor),
  };
}

/**
 * Opens a moderation store over its own pool (the dashboard's admin pages,
 * the admin command). Nothing connects until the first call.
 *
 * @throws {@link StoreError} INVALID_INPUT when the URL is not a PostgreSQL URL
 */
export function createModerationStore(
  options: StoreOptions,
): ModerationStore & { close(): Promise<void> } {
  const context: StoreContext = {
    location: databaseLocation(options.databaseUrl),
    prisma: createPrismaClient({
      databaseUrl: options.databaseUrl,
      connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
      maxConnections: options.maxConnections ?? 3,
      onPoolError: options.onPoolError,
    }),
  };
  return { ...moderationMethods(context), close: () => context.prisma.$disconnect() };
}
