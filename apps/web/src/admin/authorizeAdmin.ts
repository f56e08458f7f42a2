import { type OperatorSession, readOperatorSession } from "@attrib/auth";

import { env } from "../env.ts";
import { operatorAuth } from "../server/operatorAuth.ts";
import { csrfTokenValid } from "./csrfToken.ts";
import { refusal } from "./refusal.ts";
import { sameOrigin } from "./sameOrigin.ts";

/** An admin request that passed every check, with its form when it posted one. */
export interface AuthorizedAdminRequest {
  session: OperatorSession;
  form: FormData | null;
}

const SWITCHED_OFF =
  "Administration is switched off on this dashboard: the operator sets " +
  "WEB_AUTH_SECRET (32 characters or more) to switch it on.";

/**
 * Lets a request through to an admin route only for a signed-in operator.
 * A state-changing request must also come from the dashboard's own origin
 * and carry its session's CSRF token in the form field `csrf`.
 *
 * @returns the operator and form, or the refusal to answer with
 */
export async function authorizeAdmin(
  request: Request,
  stateChanging: boolean,
): Promise<AuthorizedAdminRequest | Response> {
  const auth = operatorAuth();
  const secret = env().authSecret;
  if (auth === null || secret === null) return refusal(503, SWITCHED_OFF);
  if (stateChanging && !sameOrigin(request, env().publicUrl)) {
    return refusal(
      403,
      "Refused: this request did not come from the dashboard's own pages " +
        "(its Origin header is missing or names another site).",
    );
  }
  const session = await readOperatorSession(auth, request.headers);
  if (session === null) {
    return refusal(
      401,
      "Sign in as an operator first (/admin/sign-in); this session is missing, " +
        "expired or not an operator's.",
    );
  }
  if (!stateChanging) return { session, form: null };

  const form = await request.formData().catch(() => null);
  const token = form?.get("csrf");
  if (typeof token !== "string" || !csrfTokenValid(token, session.sessionId, secret)) {
    return refusal(
      403,
      "Refused: the form's CSRF token is missing or wrong. Reload the admin " +
        "page and try again.",
    );
  }
  return { session, form };
}
