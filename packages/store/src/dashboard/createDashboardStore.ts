import { findReusableAnalysis } from "../analyses/findReusableAnalysis.ts";
import type { Store, StoreOptions } from "../createStore.ts";
import { createPrismaClient } from "../database/createPrismaClient.ts";
import { databaseLocation } from "../database/databaseLocation.ts";
import type { StoreContext } from "../database/StoreContext.ts";
import { listModels } from "../installedModels/listModels.ts";
import { findPublicAnalysis } from "../moderation/findPublicAnalysis.ts";
import { browseAnalyses } from "./browseAnalyses.ts";
import type {
  BrowseAnalysesOptions,
  BrowsePage,
  CommunityStatistics,
  StatisticsOptions,
} from "./dashboardTypes.ts";
import { latestStudyReport } from "../studyReports/latestStudyReport.ts";
import type { StoredStudyReport } from "../studyReports/studyReportTypes.ts";
import { readStatistics } from "./readStatistics.ts";

/**
 * What the public dashboard reads: public analyses only (never hidden ones,
 * nor those of servers that keep theirs off the dashboard), the list with
 * dates and final-MLP shares, and the statistics. It never writes.
 * Every method may throw a {@link StoreError}.
 */
export interface DashboardStore extends Pick<
  Store,
  "findAnalysis" | "findReusableAnalysis" | "listModels" | "close"
> {
  browseAnalyses(options?: BrowseAnalysesOptions): Promise<BrowsePage>;
  readStatistics(options?: StatisticsOptions): Promise<CommunityStatistics>;
  /** The newest published study report of a statistics format, or null. */
  latestStudyReport(format: number): Promise<StoredStudyReport | null>;
}

/**
 * Opens the dashboard's store over one pool of connections. Like
 * {@link createStore}, nothing connects until the first call.
 *
 * @throws {@link StoreError} INVALID_INPUT when the URL is not a PostgreSQL URL
 */
export function createDashboardStore(options: StoreOptions): DashboardStore {
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
    findAnalysis: (id) => findPublicAnalysis(context, id),
    findReusableAnalysis: (question, withinMs) =>
      findReusableAnalysis(context, question, withinMs),
    listModels: () => listModels(context),
    browseAnalyses: (browseOptions) => browseAnalyses(context, browseOptions),
    readStatistics: (statisticsOptions) => readStatistics(context, statisticsOptions),
    latestStudyReport: (format) => latestStudyReport(context, format),
    close: () => context.prisma.$disconnect(),
  };
}
