import { isAnalysisId } from "../../../../../analysis/analysisId.ts";
import { apiError, unexpectedApiError } from "../../../../../api/apiErrors.ts";
import { analysisCsv } from "../../../../../csv/analysisCsv.ts";
import { dashboardStore } from "../../../../../server/dashboardStore.ts";
import { storeErrorCode } from "../../../../../server/storeErrorCode.ts";

export const dynamic = "force-dynamic";

/** GET: every contribution of one analysis as CSV. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  if (!isAnalysisId(id)) {
    return apiError(
      "NOT_FOUND",
      `${JSON.stringify(id.slice(0, 80))} is not an analysis id.`,
    );
  }
  try {
    const stored = await dashboardStore().findAnalysis(id);
    return new Response(analysisCsv(stored), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="attrib-${id}.csv"`,
      },
    });
  } catch (error) {
    if (storeErrorCode(error) === "NOT_FOUND") {
      return apiError(
        "NOT_FOUND",
        `There is no analysis ${id}; it may have been removed.`,
      );
    }
    return unexpectedApiError("GET /api/analyses/[id]/contributions.csv", error);
  }
}
