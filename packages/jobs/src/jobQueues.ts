import { type JobsOptions, Queue } from "bullmq";

import {
  type AnalysisJob,
  analysisJobSchema,
  type ReplyJob,
  replyJobSchema,
} from "./analysisJob.ts";
import { JobsError } from "./JobsError.ts";

export const ANALYSES_QUEUE = "attrib-analyses";
export const REPLIES_QUEUE = "attrib-replies";

/** Retries with back-off; a job whose worker died is retried by the stalled check. */
const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Connection options for producers: fail at once when Redis is down, never queue offline. */
export function producerConnection(redisUrl: string) {
  return { url: redisUrl, enableOfflineQueue: false, maxRetriesPerRequest: 1 };
}

/** Connection options for workers, which BullMQ wants to retry forever. */
export function workerConnection(redisUrl: string) {
  return { url: redisUrl, maxRetriesPerRequest: null };
}

export interface JobQueues {
  /**
   * Queues an analysis. `jobId` makes a repeated delivery of the same chat
   * request a no-op instead of a second job.
   *
   * @throws {@link JobsError} QUEUE_UNAVAILABLE when Redis cannot be reached
   */
  enqueueAnalysis(job: AnalysisJob, jobId: string): Promise<string>;
  /** Queues a reply; one per analysis job, whatever the retries. */
  enqueueReply(job: ReplyJob, jobId: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * How long to wait for Redis before telling the requester it is down. BullMQ
 * itself waits for a lost connection to return, which would let a chat
 * platform's deadline pass with no answer; once the wait is given up, no
 * add() was issued, so no job appears later behind the requester's back.
 */
const REDIS_READY_TIMEOUT_MS = 2_000;

function readyWithin(queue: Queue, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Redis was not ready within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  return Promise.race([queue.waitUntilReady(), timeout]).finally(() =>
    clearTimeout(timer),
  );
}

async function add<T>(
  queue: Queue,
  name: string,
  data: T,
  jobId: string,
): Promise<string> {
  try {
    await readyWithin(queue, REDIS_READY_TIMEOUT_MS);
    const job = await queue.add(name, data, { ...DEFAULT_JOB_OPTIONS, jobId });
    return job.id ?? jobId;
  } catch (cause) {
    throw new JobsError(
      "QUEUE_UNAVAILABLE",
      "the analysis could not be queued right now (the job queue is unreachable); " +
        "please try again in a minute",
      { cause },
    );
  }
}

/**
 * Opens the producers of both queues.
 *
 * @param redisUrl - e.g. redis://127.0.0.1:6379
 */
export function openJobQueues(redisUrl: string): JobQueues {
  const connection = producerConnection(redisUrl);
  const analyses = new Queue(ANALYSES_QUEUE, { connection });
  const replies = new Queue(REPLIES_QUEUE, { connection });
  // A producer reports a lost connection per command; the error event is
  // only a duplicate of that and must not crash the process.
  analyses.on("error", () => {});
  replies.on("error", () => {});

  return {
    enqueueAnalysis: (job, jobId) =>
      add(analyses, "analysis", analysisJobSchema.parse(job), jobId),
    enqueueReply: (job, jobId) => add(replies, "reply", replyJobSchema.parse(job), jobId),
    async close() {
      await Promise.allSettled([analyses.close(), replies.close()]);
    },
  };
}
