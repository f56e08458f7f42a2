import type { AttributionResult } from "@attrib/core";

import { findAnalysis } from "./analyses/findAnalysis.ts";
import { findReusableAnalysis } from "./analyses/findReusableAnalysis.ts";
import { listAnalyses } from "./analyses/listAnalyses.ts";
import { saveAnalysis } from "./analyses/saveAnalysis.ts";
import { createPrismaClient } from "./database/createPrismaClient.ts";
import { databaseLocation } from "./database/databaseLocation.ts";
import type { StoreContext } from "./database/StoreContext.ts";
import { listModels } from "./installedModels/listModels.ts";
import { saveStudyReport } from "./studyReports/saveStudyReport.ts";
import type {
  StoredStudyReport,
  StudyReportInput,
} from "./studyReports/studyReportTypes.ts";
import { upsertModel } from "./installedModels/upsertModel.ts";
import {
  type ModerationStore,
  moderationMethods,
} from "./moderation/createModerationStore.ts";
import type {
  AnalysisPage,
  AnalysisQuestion,
  Asked,
  ListAnalysesOptions,
  ModelInfo,
  Requester,
  StoredAnalysis,
  StoredModel,
} from "./types.ts";

export interface StoreOptions {
  /** e.g. postgresql://postgres@127.0.0.1:5432/attrib */
  databaseUrl: string;
  /** How long to wait for a connection; 5 s when left out. */
  connectTimeoutMs?: number;
  /** Most connections held open at once; 10 when left out. */
  maxConnections?: number;
  /** Told when an idle pooled connection breaks; the store itself never logs. */
  onPoolError?: (error: Error) => void;
}

/**
 * Analyses and installed models in PostgreSQL, and their moderation. Every
 * method may throw a {@link StoreError}.
 */
export interface Store extends ModerationStore {
  saveAnalysis(
    result: AttributionResult,
    requester: Requester,
    asked?: Asked,
  ): Promise<StoredAnalysis>;
  findAnalysis(id: string): Promise<StoredAnalysis>;
  findReusableAnalysis(
    question: AnalysisQuestion,
    withinMs: number,
  ): Promise<StoredAnalysis | null>;
  listAnalyses(options?: ListAnalysesOptions): Promise<AnalysisPage>;
  upsertModel(model: ModelInfo): Promise<StoredModel>;
  listModels(): Promise<StoredModel[]>;
  /** Publishes a study report for the dashboard's Study page. */
  saveStudyReport(report: StudyReportInput): Promise<StoredStudyReport>;
  /** Closes the store's connections; call once, when the process stops serving. */
  close(): Promise<void>;
}

/**
 * Opens the store. Nothing connects until the first call, so a database
 * that is down shows as UNAVAILABLE from that call, not from here.
 *
 * @throws {@link StoreError} INVALID_INPUT when the URL is not a PostgreSQL URL
 */
export function createStore(options: StoreOptions): Store {
  const context: StoreContext = {
    location: databaseLocation(options.databaseUrl),
    prisma: createPrismaClient({
      databaseUrl: options.databaseUrl,
      connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
      maxConnections: options.maxConnections ?? 10,
      onPoolError: options.onPoolError,
    }),
  };
  return {
    ...moderationMethods(context),
    saveAnalysis: (result, requester, asked) =>
      saveAnalysis(context, result, requester, asked),
    findAnalysis: (id) => findAnalysis(context, id),
    findReusableAnalysis: (question, withinMs) =>
      findReusableAnalysis(context, question, withinMs),
    listAnalyses: (listOptions) => listAnalyses(context, listOptions),
    upsertModel: (model) => upsertModel(context, model),
    listModels: () => listModels(context),
    saveStudyReport: (report) => saveStudyReport(context, report),
    close: () => context.prisma.$disconnect(),
  };
}
