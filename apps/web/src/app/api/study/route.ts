import { loadStudyReport } from "../../../study/loadStudyReport.ts";

export const dynamic = "force-dynamic";

/** The latest published study report's statistics, as JSON. */
export async function GET(): Promise<Response> {
  const report = await loadStudyReport();
  if (!report) {
    return Response.json(
      {
        error:
          "no study report has been published yet: run `npm run study -- run`, then " +
          "`npm run study -- report`",
      },
      { status: 404 },
    );
  }
  return Response.json({
    run: report.run,
    generatedAt: report.generatedAt.toISOString(),
    analyses: report.analyses,
    statistics: report.statistics,
  });
}
