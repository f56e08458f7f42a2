import { type OperatorSession, readOperatorSession } from "@attrib/auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { env } from "../env.ts";
import { operatorAuth } from "../server/operatorAuth.ts";
import { csrfToken } from "./csrfToken.ts";

/** A signed-in operator and the token their forms carry. */
export interface CurrentOperator extends OperatorSession {
  csrf: string;
}

/**
 * The operator signed in on this request, for an admin page; anyone else is
 * sent to the sign-in page, which says when sign-in is switched off.
 */
export async function currentOperator(): Promise<CurrentOperator> {
  const auth = operatorAuth();
  const secret = env().authSecret;
  if (auth === null || secret === null) redirect("/admin/sign-in");
  const session = await readOperatorSession(auth, await headers());
  if (session === null) redirect("/admin/sign-in");
  return { ...session, csrf: csrfToken(session.sessionId, secret) };
}
