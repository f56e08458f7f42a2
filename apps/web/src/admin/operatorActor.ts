import type { OperatorSession } from "@attrib/auth";

/** How the audit log names an operator who acted on the web. */
export function operatorActor(session: OperatorSession): string {
  return `web:${session.email}`;
}
