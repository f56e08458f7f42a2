import { formText } from "../../../admin/formText.ts";
import { refusal } from "../../../admin/refusal.ts";
import { sameOrigin } from "../../../admin/sameOrigin.ts";
import { checkDeletionLink } from "../../../deletion/checkDeletionLink.ts";
import { env } from "../../../env.ts";
import { describeError, log } from "../../../server/logger.ts";
import { moderationStore } from "../../../server/moderationStore.ts";
import { storeErrorCode } from "../../../server/storeErrorCode.ts";
import { forgetStatistics } from "../../../statistics/loadStatistics.ts";

export const dynamic = "force-dynamic";

function backTo(token: string, query: string): Response {
  const url = new URL(`/delete/${encodeURIComponent(token)}?${query}`, env().publicUrl);
  return new Response(null, {
    status: 303,
    headers: { location: url.toString(), "cache-control": "no-store" },
  });
}

/**
 * POST (form: `token`, from the page a deletion link opens): deletes the
 * analysis for its author, then back to that page, which says so.
 */
export async function POST(request: Request): Promise<Response> {
  if (!sameOrigin(request, env().publicUrl)) {
    return refusal(403, "Refused: confirm the deletion on the dashboard's own page.");
  }
  const form = await request.formData().catch(() => new FormData());
  const token = formText(form, "token");
  const check = await checkDeletionLink(token);
  if (check.kind === "refused") {
    return backTo(token, `error=${encodeURIComponent(check.message)}`);
  }
  try {
    await moderationStore().deleteOwnAnalysis(check.analysisId, check.author);
    forgetStatistics();
    log("info", "analysis.deleted_by_author", { analysisId: check.analysisId });
    return backTo(token, "deleted=1");
  } catch (error) {
    const code = storeErrorCode(error);
    if (code === "NOT_FOUND" || code === "FORBIDDEN") {
      return backTo(token, `error=${encodeURIComponent((error as Error).message)}`);
    }
    log("error", "deletion.failed", { error: describeError(error) });
    return backTo(
      token,
      "error=The%20deletion%20failed%20on%20our%20side%3B%20try%20again.",
    );
  }
}
