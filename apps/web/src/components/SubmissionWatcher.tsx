"use client";

import { useEffect } from "react";

/**
 * Watches a queued submission from the browser: asks the JSON API every
 * `everyMs` how the job is doing, opens the analysis as soon as it is
 * stored, and reloads the page once the job has failed so that the server
 * shows why. A full navigation, not a soft refresh: a soft refresh that
 * meets the server's redirect was seen to leave the page waiting.
 */
export function SubmissionWatcher({
  jobId,
  everyMs,
}: {
  jobId: string;
  everyMs: number;
}) {
  useEffect(() => {
    let stopped = false;
    const check = async () => {
      const response = await fetch(`/api/submissions/${encodeURIComponent(jobId)}`, {
        cache: "no-store",
      }).catch(() => null);
      if (stopped || !response?.ok) return;
      const status = (await response.json().catch(() => null)) as {
        state?: string;
        analysisId?: string;
      } | null;
      if (status?.state === "completed" && status.analysisId) {
        stopped = true;
        window.location.assign(`/analyses/${encodeURIComponent(status.analysisId)}`);
      } else if (status?.state === "failed") {
        stopped = true;
        window.location.reload();
      }
    };
    const timer = setInterval(() => void check(), everyMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [jobId, everyMs]);
  return null;
}
