import { authorizeAdmin } from "../../../../admin/authorizeAdmin.ts";
import { env } from "../../../../env.ts";
import { moderationStore } from "../../../../server/moderationStore.ts";
import { operatorAuth } from "../../../../server/operatorAuth.ts";

export const dynamic = "force-dynamic";

/** POST (operators, form with `csrf`): ends the session, then to the sign-in page. */
export async function POST(request: Request): Promise<Response> {
  const authorized = await authorizeAdmin(request, true);
  if (authorized instanceof Response) return authorized;
  const auth = operatorAuth();
  const signedOut = await auth?.api.signOut({
    headers: request.headers,
    asResponse: true,
  });
  await moderationStore().recordAudit({
    actor: `web:${authorized.session.email}`,
    action: "operator.sign_out",
    subject: authorized.session.email,
  });
  const headers = new Headers({
    location: new URL("/admin/sign-in?notice=Signed%20out.", env().publicUrl).toString(),
    "cache-control": "no-store",
  });
  for (const cookie of signedOut?.headers.getSetCookie() ?? []) {
    headers.append("set-cookie", cookie);
  }
  return new Response(null, { status: 303, headers });
}
