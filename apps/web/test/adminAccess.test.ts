/**
 * No admin page, route or API answers anyone but a signed-in operator:
 * every one of them, found from the app's route files so that a new one
 * cannot be forgotten, is tried without a session, with a forged, an
 * expired and a non-operator's session; state-changing ones also from
 * another origin and without a CSRF token. Nothing may change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { appRoutes, fill, isAdminRoute } from "./support/appRoutes.ts";
import { fetchDashboard, seeded, sql } from "./support/dashboard.ts";
import { accounts, adminPost, csrfOf, signIn } from "./support/operatorSession.ts";

const adminRoutes = appRoutes().filter(isAdminRoute);
const steve = () => seeded("Steve").id;

interface Attempt {
  route: string;
  method: string;
  status: number;
  location: string | null;
}

/** Tries every method of every admin route with the given headers. */
async function tryEveryRoute(headers: Record<string, string>): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  for (const route of adminRoutes) {
    const path = fill(route.pattern, { id: steve() });
    for (const method of route.methods) {
      const response = await fetchDashboard(path, {
        method,
        headers,
        ...(method === "GET" ? {} : { body: new URLSearchParams({ csrf: "x" }) }),
      });
      attempts.push({
        route: `${method} ${route.pattern}`,
        method,
        status: response.status,
        location: response.headers.get("location"),
      });
    }
  }
  return attempts;
}

/** A page sends strangers to the sign-in page; a route answers 401 or 403. */
function expectRefused(attempts: Attempt[]): void {
  for (const attempt of attempts) {
    const toSignIn =
      attempt.status === 307 && (attempt.location ?? "").includes("/admin/sign-in");
    const refused = attempt.status === 401 || attempt.status === 403;
    expect(toSignIn || refused, `${attempt.route} answered ${attempt.status}`).toBe(true);
  }
}

async function state() {
  return sql(
    `SELECT (SELECT count(*)::int FROM analysis) AS analyses,
            (SELECT count(*)::int FROM analysis WHERE hidden_at IS NOT NULL) AS hidden,
            (SELECT count(*)::int FROM blocked_requester) AS blocks,
            (SELECT count(*)::int FROM unpublished_server) AS servers`,
  );
}

let before: unknown;

beforeAll(async () => {
  before = await state();
});

afterAll(async () => {
  expect(await state()).toEqual(before);
});

describe("admin routes refuse everyone but operators", () => {
  it("finds the admin pages, routes and APIs from the route files", () => {
    const patterns = adminRoutes.map((route) => route.pattern);

    expect(patterns).toEqual(
      expect.arrayContaining([
        "/admin",
        "/admin/audit",
        "/api/admin/analyses/[id]/hide",
        "/api/admin/analyses/[id]/delete",
        "/api/admin/audit",
      ]),
    );
    expect(adminRoutes.every((route) => route.methods.length > 0)).toBe(true);
  });

  it("refuses every one without a session", async () => {
    expectRefused(await tryEveryRoute({ origin: "http://127.0.0.1:1" }));
    expectRefused(await tryEveryRoute({}));
  });

  it("refuses a forged session cookie", async () => {
    const forged =
      "attrib.session_token=Zm9yZ2VkLXNlc3Npb24tdG9rZW4.Zm9yZ2VkLXNpZ25hdHVyZQ";

    expectRefused(await tryEveryRoute({ cookie: forged }));
  });

  it("refuses a session once it has expired", async () => {
    const cookie = await signIn(accounts().operator);
    expect((await fetchDashboard("/admin", { headers: { cookie } })).status).toBe(200);

    await sql(
      `UPDATE operator_session SET expires_at = now() - interval '1 minute'
        WHERE operator_id = (SELECT id FROM operator WHERE email = $1)`,
      [accounts().operator.email],
    );

    expectRefused(await tryEveryRoute({ cookie }));
  });

  it("refuses an account whose operator role was taken away", async () => {
    const { email, password } = accounts().former;
    const refused = await adminPost("/api/admin/sign-in", {
      fields: { email, password },
    });

    expect(refused.status).toBe(303);
    expect(decodeURIComponent(refused.headers.get("location") ?? "")).toContain(
      "This account is not an operator's",
    );
    expect(refused.headers.getSetCookie()).toEqual([]);
  });

  it("refuses a wrong password with a clear message", async () => {
    const refused = await adminPost("/api/admin/sign-in", {
      fields: { email: accounts().operator.email, password: "not-the-password" },
    });

    expect(decodeURIComponent(refused.headers.get("location") ?? "")).toContain(
      "Wrong email or password.",
    );
    expect(refused.headers.getSetCookie()).toEqual([]);
  });
});

describe("state-changing admin routes refuse cross-site requests", () => {
  it("refuses an operator's form without the CSRF token or from another origin", async () => {
    const cookie = await signIn(accounts().operator);
    const csrf = await csrfOf(cookie);
    const hide = `/api/admin/analyses/${steve()}/hide`;

    const noToken = await adminPost(hide, { cookie });
    const wrongToken = await adminPost(hide, { cookie, fields: { csrf: `${csrf}x` } });
    const otherSite = await adminPost(hide, {
      cookie,
      origin: "http://attacker.invalid",
      fields: { csrf },
    });
    const noOrigin = await adminPost(hide, { cookie, origin: null, fields: { csrf } });

    expect(noToken.status).toBe(403);
    expect(await noToken.text()).toContain("CSRF token is missing or wrong");
    expect(wrongToken.status).toBe(403);
    expect(otherSite.status).toBe(403);
    expect(await otherSite.text()).toContain(
      "did not come from the dashboard's own pages",
    );
    expect(noOrigin.status).toBe(403);
  });

  it("refuses a CSRF token taken from another operator session", async () => {
    const first = await signIn(accounts().operator);
    const second = await signIn(accounts().operator);
    const csrfOfFirst = await csrfOf(first);

    const response = await adminPost(`/api/admin/analyses/${steve()}/hide`, {
      cookie: second,
      fields: { csrf: csrfOfFirst },
    });

    expect(response.status).toBe(403);
  });
});
