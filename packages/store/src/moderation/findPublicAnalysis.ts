import { findAnalysis } from "../analyses/findAnalysis.ts";
import type { StoreContext } from "../database/StoreContext.ts";
import type { StoredAnalysis } from "../types.ts";
import { noSuchAnalysis } from "./analysisId.ts";
import { isServerPublished } from "./serverPublishing.ts";

/**
 * One analysis as the public may see it. A hidden analysis, or one from a
 * server that keeps its analyses off the dashboard, is NOT_FOUND exactly
 * like a deleted one, so the answer tells nothing about it.
 *
 * @throws {@link StoreError} NOT_FOUND, INVALID_INPUT, UNAVAILABLE
 */
export async function findPublicAnalysis(
  context: StoreContext,
  id: string,
): Promise<StoredAnalysis> {
  const stored = await findAnalysis(context, id);
  const hidden = stored.hiddenAt !== null;
  if (hidden || !(await isServerPublished(context, stored.requester))) {
    throw noSuchAnalysis(id);
  }
  return stored;
}
