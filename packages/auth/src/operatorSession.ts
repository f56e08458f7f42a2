import type { OperatorAuth } from "./createOperatorAuth.ts";
import { OPERATOR_ROLE } from "./operatorAccounts.ts";

/** A signed-in operator, as the admin pages and routes see them. */
export interface OperatorSession {
  sessionId: string;
  operatorId: string;
  email: string;
}

/**
 * The operator a request's session cookie belongs to, or null: no cookie,
 * a forged or expired one, or an account without the operator role.
 */
export async function readOperatorSession(
  auth: OperatorAuth,
  headers: Headers,
): Promise<OperatorSession | null> {
  const found = await auth.api.getSession({ headers }).catch(() => null);
  if (!found) return null;
  const role: unknown = (found.user as { role?: unknown }).role;
  if (role !== OPERATOR_ROLE) return null;
  return {
    sessionId: found.session.id,
    operatorId: found.user.id,
    email: found.user.email,
  };
}
