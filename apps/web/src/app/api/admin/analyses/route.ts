import { authorizeAdmin } from "../../../../admin/authorizeAdmin.ts";
import { unexpectedApiError } from "../../../../api/apiErrors.ts";
import { moderationStore } from "../../../../server/moderationStore.ts";

export const dynamic = "force-dynamic";

/**
 * GET (operators): every analysis with its platform ids and state, newest
 * first, as JSON; `search`, `hidden=1`, `page`, `pageSize` up to 100.
 */
export async function GET(request: Request): Promise<Response> {
  const authorized = await authorizeAdmin(request, false);
  if (authorized instanceof Response) return authorized;
  const params = new URL(request.url).searchParams;
  try {
    const page = await moderationStore().listForModeration({
      search: params.get("search") ?? undefined,
      hiddenOnly: params.get("hidden") === "1",
      page: Number(params.get("page") ?? "1") || 1,
      pageSize: Number(params.get("pageSize") ?? "50") || 50,
    });
    return Response.json(page, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return unexpectedApiError("GET /api/admin/analyses", error);
  }
}
