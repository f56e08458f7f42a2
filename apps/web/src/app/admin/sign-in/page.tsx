import type { Metadata } from "next";

import { ActionNotice } from "../../../components/admin/ActionNotice.tsx";
import { env } from "../../../env.ts";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Operator sign-in",
  robots: { index: false, follow: false },
};

/** The operators' sign-in form; accounts come from `npm run admin -- add-operator`. */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; notice?: string }>;
}) {
  const { error, notice } = await searchParams;
  if (env().authSecret === null) {
    return (
      <>
        <h1>Operator sign-in</h1>
        <p className="panel" role="alert">
          Administration is switched off on this dashboard: its operator sets
          WEB_AUTH_SECRET to switch it on.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Operator sign-in</h1>
      <p className="lead">
        For the dashboard&apos;s operators only. There is no sign-up: an operator adds
        accounts with <code>npm run admin -- add-operator &lt;email&gt;</code>.
      </p>
      <ActionNotice error={error} notice={notice} />
      <form method="post" action="/api/admin/sign-in" className="panel submit-form">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <button type="submit">Sign in</button>
      </form>
    </>
  );
}
