import type { StoreContext } from "../database/StoreContext.ts";
import { withStoreErrors } from "../errors/withStoreErrors.ts";
import type { StoredStudyReport } from "./studyReportTypes.ts";

/**
 * The newest published study report whose statistics have the given
 * format, or null when none has been published.
 *
 * @throws {@link StoreError} UNAVAILABLE, NOT_MIGRATED
 */
export async function latestStudyReport(
  context: StoreContext,
  format: number,
): Promise<StoredStudyReport | null> {
  return withStoreErrors(context, "read the study report", async () => {
    const row = await context.prisma.studyReport.findFirst({
      where: { format },
      orderBy: { createdAt: "desc" },
    });
    if (!row) return null;
    return {
      id: row.id,
      run: row.run,
      analyses: row.analyses,
      format: row.format,
      statistics: row.statistics,
      markdown: row.markdown,
      generatedAt: row.createdAt,
    };
  });
}
