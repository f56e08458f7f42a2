import { inject } from "vitest";

import type { TestAccount } from "../setup/startDashboard.ts";
import { dashboardUrl, fetchDashboard } from "./dashboard.ts";

/** The suite's operator account and the one whose role was taken away. */
export function accounts() {
  return inject("accounts");
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/**
 * Signs in through the sign-in form's route, as the browser would.
 *
 * @returns the Cookie header that carries the session; "" when refused
 */
export async function signIn(account: TestAccount): Promise<string> {
  const response = await fetchDashboard("/api/admin/sign-in", {
    method: "POST",
    headers: { origin: dashboardUrl() },
    body: new URLSearchParams({ email: account.email, password: account.password }),
  });
  return cookieHeader(response);
}

/** The CSRF token the admin page gives this session's forms. */
export async function csrfOf(cookie: string): Promise<string> {
  const html = await (await fetchDashboard("/admin", { headers: { cookie } })).text();
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error("the admin page has no CSRF token for this session");
  return token;
}

export interface AdminPost {
  cookie?: string;
  /** The Origin header; the dashboard's own unless given. Null sends none. */
  origin?: string | null;
  fields?: Record<string, string>;
}

/** POSTs a form to an admin route as a browser on the dashboard would. */
export function adminPost(path: string, post: AdminPost = {}): Promise<Response> {
  const origin = post.origin === undefined ? dashboardUrl() : post.origin;
  return fetchDashboard(path, {
    method: "POST",
    headers: {
      ...(origin === null ? {} : { origin }),
      ...(post.cookie ? { cookie: post.cookie } : {}),
    },
    body: new URLSearchParams(post.fields ?? {}),
  });
}
