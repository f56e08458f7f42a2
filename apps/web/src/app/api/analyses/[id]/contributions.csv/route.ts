import { storedAnalysisResponse } from "../../../../../api/storedAnalysisResponse.ts";
import { analysisCsv } from "../../../../../csv/analysisCsv.ts";

export const dynamic = "force-dynamic";

/** GET: every contribution of one analysis as CSV. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  return storedAnalysisResponse(
    id,
    "GET /api/analyses/[id]/contributions.csv",
    (stored) =>
      new Response(analysisCsv(stored), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="attrib-${id}.csv"`,
        },
      }),
  );
}
