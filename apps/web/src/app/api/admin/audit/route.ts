import { authorizeAdmin } from "../../../../admin/authorizeAdmin.ts";
import { unexpectedApiError } from "../../../../api/apiErrors.ts";
import { moderationStore } from "../../../../server/moderationStore.ts";

export const dynamic = "force-dynamic";

/** GET (operators): the newest audit lines as JSON; `limit` up to 1000. */
export async function GET(request: Request): Promise<Response> {
  const authorized = await authorizeAdmin(request, false);
  if (authorized instanceof Response) return authorized;
  const limit = Number(new URL(request.url).searchParams.get("limit") ?? "200");
  try {
    const entries = await moderationStore().readAuditLog(
      Number.isFinite(limit) ? limit : 200,
    );
    return Response.json({ entries }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return unexpectedApiError("GET /api/admin/audit", error);
  }
}
