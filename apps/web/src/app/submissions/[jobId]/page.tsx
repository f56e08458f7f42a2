import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";

import { SubmissionWatcher } from "../../../components/SubmissionWatcher.tsx";
import { submissionStatus } from "../../../submit/submissionStatus.ts";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Analysing…", robots: { index: false } };

/**
 * Where a submitter waits: it checks the job every second and a half and
 * moves on to the analysis once it is stored.
 */
export default async function SubmissionPage({
  params,
}: {
  params: Promise<{ jobId: string }>;
}) {
  const { jobId } = await params;
  const status = await submissionStatus(jobId);
  if (status.state === "unknown") notFound();
  if (status.state === "completed") redirect(`/analyses/${status.analysisId}`);

  if (status.state === "failed") {
    return (
      <>
        <h1>The analysis could not be made</h1>
        <p className="form-error" role="alert">
          {status.message}
        </p>
        <p>
          <Link href="/submit">Try another prompt</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Analysing…</h1>
      <p role="status">
        {status.state === "active"
          ? "A worker is running the model on your prompt."
          : "Your prompt is in the queue; a worker will take it shortly."}{" "}
        This page moves on to the analysis when it is stored.
      </p>
      <noscript>
        <meta httpEquiv="refresh" content="2" />
      </noscript>
      <SubmissionWatcher jobId={jobId} everyMs={1500} />
    </>
  );
}
