import { readOperatorSession } from "@attrib/auth";

import { formText } from "../../../../admin/formText.ts";
import { refusal } from "../../../../admin/refusal.ts";
import { sameOrigin } from "../../../../admin/sameOrigin.ts";
import { env } from "../../../../env.ts";
import { describeError, log } from "../../../../server/logger.ts";
import { moderationStore } from "../../../../server/moderationStore.ts";
import { operatorAuth } from "../../../../server/operatorAuth.ts";
import { rateLimitRedis, redisReady } from "../../../../server/rateLimitRedis.ts";
import { takeRateLimit } from "../../../../submit/rateLimiter.ts";

export const dynamic = "force-dynamic";

function redirectTo(path: string, cookies: string[] = []): Response {
  const headers = new Headers({
    location: new URL(path, env().publicUrl).toString(),
    "cache-control": "no-store",
  });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}

const failed = (message: string) =>
  redirectTo(`/admin/sign-in?error=${encodeURIComponent(message)}`);

/**
 * Counts an attempt on this account, over every dashboard process, per
 * minute. Without Redis nothing is counted, so sign-in is refused then.
 *
 * @returns why the attempt is refused, or null
 */
async function attemptRefusal(email: string): Promise<string | null> {
  const redis = rateLimitRedis();
  await redisReady(redis);
  try {
    const decision = await takeRateLimit(redis, `sign-in:${email}`, {
      count: env().signInLimit,
      windowMs: 60_000,
      prefix: env().redisPrefix,
    });
    return decision.allowed
      ? null
      : "Too many sign-in attempts for this account; wait a minute.";
  } catch {
    return "Sign-in is unavailable right now (the dashboard cannot reach Redis); try again in a minute.";
  }
}

/**
 * POST (form: `email`, `password`): signs an operator in through
 * better-auth, which stores the session in PostgreSQL and sets its
 * httpOnly cookie; then on to /admin. Accounts without the operator role
 * are signed out again at once.
 */
export async function POST(request: Request): Promise<Response> {
  const auth = operatorAuth();
  if (auth === null) {
    return refusal(503, "Administration is switched off: WEB_AUTH_SECRET is not set.");
  }
  if (!sameOrigin(request, env().publicUrl)) {
    return refusal(403, "Refused: sign in from the dashboard's own sign-in page.");
  }
  const form = await request.formData().catch(() => new FormData());
  const email = formText(form, "email").toLowerCase();
  const password = form.get("password");
  const audit = (action: string) =>
    moderationStore()
      .recordAudit({ actor: `web:${email}`, action, subject: email })
      .catch((error: unknown) =>
        log("warn", "audit.failed", { action, error: describeError(error) }),
      );

  const refused = await attemptRefusal(email);
  if (refused !== null) {
    await audit("operator.sign_in_limited");
    return failed(refused);
  }

  const response = await auth.api
    .signInEmail({
      body: { email, password: typeof password === "string" ? password : "" },
      headers: request.headers,
      asResponse: true,
    })
    .catch(() => null);
  if (response === null || !response.ok) {
    await audit("operator.sign_in_failed");
    return failed(
      response?.status === 429
        ? "Too many sign-in attempts; wait a minute and try again."
        : "Wrong email or password.",
    );
  }

  const cookies = response.headers.getSetCookie();
  const cookieHeader = cookies.map((cookie) => cookie.split(";")[0]).join("; ");
  const session = await readOperatorSession(auth, new Headers({ cookie: cookieHeader }));
  if (session === null) {
    await auth.api
      .signOut({ headers: new Headers({ cookie: cookieHeader }) })
      .catch(() => null);
    await audit("operator.sign_in_refused");
    return failed("This account is not an operator's; ask an operator to add it.");
  }
  await audit("operator.sign_in");
  return redirectTo("/admin", cookies);
}
