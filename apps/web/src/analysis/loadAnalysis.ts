import type { StoredAnalysis } from "@attrib/store";
import { notFound } from "next/navigation";
import { cache } from "react";

import { dashboardStore } from "../server/dashboardStore.ts";
import { isAnalysisId } from "./analysisId.ts";
import { storeErrorCode } from "../server/storeErrorCode.ts";

/**
 * One analysis for a page, its metadata and its preview image, read once per
 * request. An id that is malformed or unknown ends in the 404 page; a
 * database outage goes to the error page.
 */
export const loadAnalysis = cache(async (id: string): Promise<StoredAnalysis> => {
  if (!isAnalysisId(id)) notFound();
  try {
    return await dashboardStore().findAnalysis(id);
  } catch (error) {
    const code = storeErrorCode(error);
    if (code === "NOT_FOUND" || code === "INVALID_INPUT") notFound();
    throw error;
  }
});
