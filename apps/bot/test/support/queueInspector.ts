import { ANALYSES_QUEUE, REPLIES_QUEUE } from "@attrib/jobs";
import { type Job, Queue } from "bullmq";

import { TEST_REDIS_URL } from "./testServices.ts";

export interface QueueInspector {
  analysisJob(jobId: string): Promise<Job | undefined>;
  replyJob(jobId: string): Promise<Job | undefined>;
  /** Removes the jobs the tests made, by id; no other job is touched. */
  removeJobs(): Promise<void>;
  /** Remembers a job id to remove at the end. */
  track(queue: "analyses" | "replies", jobId: string): void;
  close(): Promise<void>;
}

/** Reads the test Redis database's queues as the worker would see them. */
export function openQueueInspector(): QueueInspector {
  const connection = { url: TEST_REDIS_URL };
  const analyses = new Queue(ANALYSES_QUEUE, { connection });
  const replies = new Queue(REPLIES_QUEUE, { connection });
  const tracked: { queue: Queue; jobId: string }[] = [];
  return {
    analysisJob: (jobId) => analyses.getJob(jobId),
    replyJob: (jobId) => replies.getJob(jobId),
    track(queue, jobId) {
      tracked.push({ queue: queue === "analyses" ? analyses : replies, jobId });
    },
    async removeJobs() {
      for (const { queue, jobId } of tracked.splice(0)) {
        const job = await queue.getJob(jobId);
        await job?.remove().catch(() => undefined);
      }
    },
    async close() {
      await Promise.all([analyses.close(), replies.close()]);
    },
  };
}
