import type { StoreContext } from "../database/StoreContext.ts";
import { StoreError } from "../errors/StoreError.ts";
import { withStoreErrors } from "../errors/withStoreErrors.ts";
import type { StoredAnalysis } from "../types.ts";
import { analysisInclude } from "./analysisInclude.ts";
import { toStoredAnalysis } from "./toStoredAnalysis.ts";

const ANALYSIS_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads one analysis back, exactly as it was saved.
 *
 * @param id - the analysis id from its permalink
 * @throws {@link StoreError} NOT_FOUND when no analysis has this id,
 * INVALID_INPUT when it is not an analysis id at all, UNAVAILABLE
 */
export async function findAnalysis(
  context: StoreContext,
  id: string,
): Promise<StoredAnalysis> {
  if (!ANALYSIS_ID.test(id)) {
    throw new StoreError(
      "INVALID_INPUT",
      `${JSON.stringify(id.slice(0, 80))} is not an analysis id; ids are UUIDs ` +
        "like 0192f3a4-5b6c-7d8e-9f01-23456789abcd",
    );
  }
  const row = await withStoreErrors(context, `read analysis ${id}`, () =>
    context.prisma.analysis.findUnique({ where: { id }, include: analysisInclude }),
  );
  if (!row) {
    throw new StoreError(
      "NOT_FOUND",
      `there is no analysis ${id}; it may have been deleted`,
    );
  }
  return toStoredAnalysis(row);
}
