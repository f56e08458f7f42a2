import type { Metadata } from "next";

import { checkDeletionLink } from "../../../deletion/checkDeletionLink.ts";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Delete your analysis",
  robots: { index: false, follow: false },
};

interface DeletePageProps {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ deleted?: string; error?: string }>;
}

/**
 * Where an author's deletion link leads: it says what will be deleted and
 * asks to confirm. Opening the link changes nothing; the button does.
 */
export default async function DeletePage({ params, searchParams }: DeletePageProps) {
  const { token } = await params;
  const { deleted, error } = await searchParams;
  if (deleted === "1") {
    return (
      <>
        <h1>Deleted</h1>
        <p className="panel" role="status">
          Your analysis has been deleted from the dashboard and the database.
        </p>
      </>
    );
  }
  const check = await checkDeletionLink(decodeURIComponent(token));
  return (
    <>
      <h1>Delete your analysis</h1>
      {error ? (
        <p className="panel field-error" role="alert">
          {error}
        </p>
      ) : null}
      {check.kind === "refused" ? (
        <p className="panel" role="alert">
          {check.message}
        </p>
      ) : (
        <form method="post" action="/api/deletions" className="panel">
          <p>
            This removes analysis <code>{check.analysisId}</code> from the dashboard and
            deletes it from the database. It cannot be undone.
          </p>
          <input type="hidden" name="token" value={decodeURIComponent(token)} />
          <button type="submit">Delete it</button>
        </form>
      )}
    </>
  );
}
