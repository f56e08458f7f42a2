import { loadStudyReport } from "../../../../study/loadStudyReport.ts";

export const dynamic = "force-dynamic";

/** The latest published study report, as the Markdown `npm run study -- report` wrote. */
export async function GET(): Promise<Response> {
  const report = await loadStudyReport();
  if (!report) {
    return new Response(
      "No study report has been published yet: run `npm run study -- run`, then " +
        "`npm run study -- report`.\n",
      { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } },
    );
  }
  return new Response(report.markdown, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": 'inline; filename="study.md"',
    },
  });
}
