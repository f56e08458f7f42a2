import type { StoredStudyReport } from "@attrib/store";
import { STUDY_STATISTICS_FORMAT, type StudyStatistics } from "@attrib/study";

import { dashboardStore } from "../server/dashboardStore.ts";

/** The newest published study report, its statistics typed. */
export interface StudyReportView extends Omit<StoredStudyReport, "statistics"> {
  statistics: StudyStatistics;
}

/**
 * The newest report that `npm run study -- report` published to the store,
 * or null when none was. Reports of another statistics format (an older
 * or newer study command) are passed over.
 */
export async function loadStudyReport(): Promise<StudyReportView | null> {
  const report = await dashboardStore().latestStudyReport(STUDY_STATISTICS_FORMAT);
  if (!report) return null;
  return { ...report, statistics: report.statistics as StudyStatistics };
}
