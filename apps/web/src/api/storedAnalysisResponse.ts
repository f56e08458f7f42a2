import type { StoredAnalysis } from "@attrib/store";

import { isAnalysisId } from "../analysis/analysisId.ts";
import { dashboardStore } from "../server/dashboardStore.ts";
import { storeErrorCode } from "../server/storeErrorCode.ts";
import { apiError, unexpectedApiError } from "./apiErrors.ts";

/**
 * Answers a request for one stored analysis: 404 with a message for an id
 * that is malformed or names no analysis the public may see, otherwise
 * whatever `respond` makes of it.
 *
 * @param route - the route, for the log line of an unexpected failure
 */
export async function storedAnalysisResponse(
  id: string,
  route: string,
  respond: (stored: StoredAnalysis) => Response,
): Promise<Response> {
  if (!isAnalysisId(id)) {
    return apiError(
      "NOT_FOUND",
      `${JSON.stringify(id.slice(0, 80))} is not an analysis id.`,
    );
  }
  try {
    return respond(await dashboardStore().findAnalysis(id));
  } catch (error) {
    if (storeErrorCode(error) === "NOT_FOUND") {
      return apiError(
        "NOT_FOUND",
        `There is no analysis ${id}; it may have been removed.`,
      );
    }
    return unexpectedApiError(route, error);
  }
}
