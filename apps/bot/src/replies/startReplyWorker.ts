import {
  REPLIES_QUEUE,
  type ReplyJob,
  replyJobSchema,
  workerConnection,
} from "@attrib/jobs";
import { type Job, UnrecoverableError, Worker } from "bullmq";

import { isBotError } from "../errors/BotError.ts";
import { describeError, type Logger } from "../logging/Logger.ts";
import type { ReplyLedger } from "./ReplyLedger.ts";
import type { ReplyPoster } from "./ReplyPoster.ts";

export interface ReplyWorkerOptions {
  redisUrl: string;
  post: ReplyPoster;
  ledger: ReplyLedger;
  log: Logger;
  concurrency: number;
}

function parseReplyJob(job: Job): ReplyJob {
  const parsed = replyJobSchema.safeParse(job.data);
  if (parsed.success) return parsed.data;
  // A malformed job will not get better by retrying it.
  throw new UnrecoverableError(
    `reply job ${job.id ?? "?"} is malformed: ${parsed.error.message}`,
  );
}

async function processReply(job: Job, options: ReplyWorkerOptions): Promise<string> {
  const jobId = job.id ?? job.name;
  if (await options.ledger.wasPosted(jobId)) {
    options.log("info", "reply.skipped", { jobId, reason: "already posted" });
    return "already posted";
  }
  const reply = parseReplyJob(job);

  await options.post(reply);
  await options.ledger.markPosted(jobId);
  options.log("info", "reply.posted", {
    jobId,
    platform: reply.reply.platform,
    analysisId: reply.analysisId,
    failure: reply.failure !== null,
  });
  return "posted";
}

/**
 * The reply worker: takes each finished analysis from the replies queue and
 * posts it to its chat. A job already posted is skipped, so BullMQ's retries
 * never post twice.
 */
export function startReplyWorker(options: ReplyWorkerOptions): Worker {
  const worker = new Worker(REPLIES_QUEUE, (job) => processReply(job, options), {
    connection: workerConnection(options.redisUrl),
    concurrency: options.concurrency,
  });
  worker.on("failed", (job, error) => {
    options.log(isBotError(error) ? "warn" : "error", "reply.failed", {
      jobId: job?.id ?? null,
      attempt: job?.attemptsMade ?? null,
      error: describeError(error),
    });
  });
  // While Redis is down the worker reports every reconnect; one line a
  // minute says as much.
  let lastReportMs = 0;
  worker.on("error", (error) => {
    if (Date.now() - lastReportMs < 60_000) return;
    lastReportMs = Date.now();
    options.log("warn", "reply_worker.error", { error: describeError(error) });
  });
  return worker;
}
