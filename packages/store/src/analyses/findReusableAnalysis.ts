import type { StoreContext } from "../database/StoreContext.ts";
import { withStoreErrors } from "../errors/withStoreErrors.ts";
import type { AnalysisQuestion, StoredAnalysis } from "../types.ts";
import { analysisInclude } from "./analysisInclude.ts";
import { checkFinite } from "../validation/checkValue.ts";
import { dedupeKey } from "./dedupeKey.ts";
import { isServerPublished } from "../moderation/serverPublishing.ts";
import { toStoredAnalysis } from "./toStoredAnalysis.ts";

/**
 * The newest answer to the same question, if it is at most `withinMs` old,
 * so that a repeated request can reuse it instead of running the model.
 * Only a public answer is reused: a hidden one, or one from a server that
 * keeps its analyses off the dashboard, is never shown to someone else.
 *
 * @returns the analysis, or null when there is none recent enough
 * @throws {@link StoreError} INVALID_INPUT for a negative window, UNAVAILABLE
 */
export async function findReusableAnalysis(
  context: StoreContext,
  question: AnalysisQuestion,
  withinMs: number,
): Promise<StoredAnalysis | null> {
  checkFinite(withinMs, "withinMs");
  const since = new Date(Date.now() - Math.max(0, withinMs));
  const row = await withStoreErrors(context, "look for an earlier analysis", () =>
    context.prisma.analysis.findFirst({
      where: {
        dedupeKey: dedupeKey(question),
        createdAt: { gte: since },
        hiddenAt: null,
      },
      include: analysisInclude,
    }),
  );
  if (!row) return null;
  const stored = toStoredAnalysis(row);
  return (await isServerPublished(context, stored.requester)) ? stored : null;
}
