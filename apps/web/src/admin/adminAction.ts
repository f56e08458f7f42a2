import type { OperatorSession } from "@attrib/auth";

import { env } from "../env.ts";
import { describeError, log } from "../server/logger.ts";
import { storeErrorCode } from "../server/storeErrorCode.ts";
import { forgetStatistics } from "../statistics/loadStatistics.ts";
import { authorizeAdmin } from "./authorizeAdmin.ts";

/** What an action needs: the operator and the posted form. */
export interface AdminActionInput {
  session: OperatorSession;
  form: FormData;
}

/** Store failures an operator can act on; their messages say what was wrong. */
const EXPECTED_CODES = new Set(["NOT_FOUND", "INVALID_INPUT", "CONFLICT", "FORBIDDEN"]);

function returnPath(form: FormData): string {
  const path = form.get("return");
  return typeof path === "string" && /^\/admin(\/[a-z-]*)?$/.test(path) ? path : "/admin";
}

function backTo(form: FormData, kind: "notice" | "error", message: string): Response {
  const url = new URL(returnPath(form), env().publicUrl);
  url.searchParams.set(kind, message);
  return new Response(null, {
    status: 303,
    headers: { location: url.toString(), "cache-control": "no-store" },
  });
}

/**
 * Runs one admin action from a form post: checks the operator, origin and
 * CSRF token, runs it, and sends the browser back to the admin page with
 * what happened. Changed analyses leave the statistics cache at once.
 *
 * @param name - the action, for the log
 * @param run - does the work and returns the sentence to show
 */
export async function adminAction(
  request: Request,
  name: string,
  run: (input: AdminActionInput) => Promise<string>,
): Promise<Response> {
  const authorized = await authorizeAdmin(request, true);
  if (authorized instanceof Response) return authorized;
  const { session } = authorized;
  const form = authorized.form ?? new FormData();
  try {
    const notice = await run({ session, form });
    forgetStatistics();
    log("info", "admin.action", { action: name, operator: session.operatorId });
    return backTo(form, "notice", notice);
  } catch (error) {
    const code = storeErrorCode(error);
    if (code !== null && EXPECTED_CODES.has(code) && error instanceof Error) {
      return backTo(form, "error", `${error.message}. Nothing was changed.`);
    }
    log("error", "admin.action_failed", { action: name, error: describeError(error) });
    return backTo(form, "error", "The action failed on our side; nothing was changed.");
  }
}
