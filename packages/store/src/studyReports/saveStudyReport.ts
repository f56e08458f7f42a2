import type { StoreContext } from "../database/StoreContext.ts";
import { withStoreErrors } from "../errors/withStoreErrors.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { StoreError } from "../errors/StoreError.ts";
import { checkText } from "../validation/checkValue.ts";
import type { StoredStudyReport, StudyReportInput } from "./studyReportTypes.ts";

/**
 * Publishes a study report; the newest of a format is what the dashboard's
 * Study page shows. Earlier reports stay, so a report can be compared with
 * the one before it.
 *
 * @throws {@link StoreError} INVALID_INPUT, UNAVAILABLE, NOT_MIGRATED
 */
export async function saveStudyReport(
  context: StoreContext,
  report: StudyReportInput,
): Promise<StoredStudyReport> {
  checkText(report.run, "run", 1);
  checkText(report.markdown, "markdown", 1);
  if (!Number.isInteger(report.analyses) || report.analyses < 1) {
    throw new StoreError(
      "INVALID_INPUT",
      `a study report needs at least one analysis; got analyses = ${String(report.analyses)}`,
    );
  }
  if (!Number.isInteger(report.format) || report.format < 1) {
    throw new StoreError(
      "INVALID_INPUT",
      `format must be a positive integer; got ${String(report.format)}`,
    );
  }
  if (typeof report.statistics !== "object" || report.statistics === null) {
    throw new StoreError("INVALID_INPUT", "statistics must be a JSON object");
  }
  return withStoreErrors(context, "publish the study report", async () => {
    const row = await context.prisma.studyReport.create({
      data: {
        run: report.run,
        analyses: report.analyses,
        format: report.format,
        statistics: report.statistics as Prisma.InputJsonObject,
        markdown: report.markdown,
      },
    });
    return { ...report, id: row.id, generatedAt: row.createdAt };
  });
}
