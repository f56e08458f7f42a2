import { z } from "zod";

import { analysesQueue } from "../server/analysisQueue.ts";

/** How a queued submission is doing. */
export type SubmissionStatus =
  | { state: "waiting" | "active" }
  | { state: "completed"; analysisId: string }
  | { state: "failed"; message: string }
  /** No such job: never queued, or finished so long ago that the queue forgot it. */
  | { state: "unknown" };

/** Web submissions are queued under ids of this form and no other. */
const WEB_JOB_ID = /^web-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What the worker returns for a stored analysis. */
const processedSchema = z.object({ analysisId: z.string().nullable() });

/**
 * Reads a web submission's job from the queue.
 *
 * @throws whatever BullMQ throws when Redis cannot be reached
 */
export async function submissionStatus(jobId: string): Promise<SubmissionStatus> {
  if (!WEB_JOB_ID.test(jobId)) return { state: "unknown" };
  const job = await analysesQueue().getJob(jobId);
  if (!job) return { state: "unknown" };

  const state = await job.getState();
  if (state === "completed") {
    const processed = processedSchema.safeParse(job.returnvalue);
    const analysisId = processed.success ? processed.data.analysisId : null;
    return analysisId === null
      ? { state: "failed", message: "The analysis finished but was not stored." }
      : { state: "completed", analysisId };
  }
  if (state === "failed") {
    return { state: "failed", message: job.failedReason || "The analysis failed." };
  }
  return { state: state === "active" ? "active" : "waiting" };
}
