import { isAnalysisId } from "../../../../analysis/analysisId.ts";
import { toPublicAnalysis } from "../../../../analysis/publicAnalysis.ts";
import { apiError, unexpectedApiError } from "../../../../api/apiErrors.ts";
import { env } from "../../../../env.ts";
import { dashboardStore } from "../../../../server/dashboardStore.ts";
import { storeErrorCode } from "../../../../server/storeErrorCode.ts";

export const dynamic = "force-dynamic";

/** GET: one analysis in full, as JSON; who asked is reduced to platform and display name. */
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
    return Response.json(toPublicAnalysis(stored, env().publicUrl));
  } catch (error) {
    if (storeErrorCode(error) === "NOT_FOUND") {
      return apiError(
        "NOT_FOUND",
        `There is no analysis ${id}; it may have been removed.`,
      );
    }
    return unexpectedApiError("GET /api/analyses/[id]", error);
  }
}
