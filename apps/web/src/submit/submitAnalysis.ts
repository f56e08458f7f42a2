import { randomUUID } from "node:crypto";

import type { AnalysisJob, AnalysisRequest } from "@attrib/jobs";

import { env } from "../env.ts";
import { jobQueues } from "../server/analysisQueue.ts";
import { dashboardStore } from "../server/dashboardStore.ts";
import { describeError, log } from "../server/logger.ts";
import { rateLimitRedis, redisReady } from "../server/rateLimitRedis.ts";
import {
  checkSubmission,
  type FieldErrors,
  type SubmissionFields,
} from "./checkSubmission.ts";
import { installedModels } from "./installedModels.ts";
import { takeRateLimit } from "./rateLimiter.ts";

/** What became of a submission. */
export type SubmissionOutcome =
  | { kind: "invalid"; errors: FieldErrors }
  | { kind: "rate-limited"; retryAfterSeconds: number; message: string }
  | { kind: "unavailable"; message: string }
  /** The same question was answered recently: that analysis is the answer. */
  | { kind: "reused"; analysisId: string }
  | { kind: "queued"; jobId: string };

export const UNAVAILABLE_MESSAGE =
  "The analysis could not be queued right now (the job queue or the database " +
  "is unreachable). Please try again in a minute.";

/** A web submitter has no platform ids; the store keeps the platform only. */
const WEB_REQUESTER: AnalysisJob["requester"] = {
  platform: "web",
  serverId: null,
  channelId: null,
  userId: null,
  displayName: null,
};

async function rateLimited(client: string): Promise<SubmissionOutcome | null> {
  const { limits, redisPrefix } = env();
  const redis = rateLimitRedis();
  await redisReady(redis);
  const decision = await takeRateLimit(redis, client, {
    count: limits.rateLimitCount,
    windowMs: limits.rateLimitWindowMs,
    prefix: redisPrefix,
  });
  if (decision.allowed) return null;
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  return {
    kind: "rate-limited",
    retryAfterSeconds: seconds,
    message:
      `You have reached the limit of ${limits.rateLimitCount} analyses per ` +
      `${Math.round(limits.rateLimitWindowMs / 1000)} s. Please wait ${seconds} s ` +
      "and try again.",
  };
}

async function reusable(request: AnalysisRequest): Promise<string | null> {
  const window = env().limits.reuseWindowMs;
  if (window === 0) return null;
  const earlier = await dashboardStore().findReusableAnalysis(request, window);
  return earlier?.id ?? null;
}

async function enqueue(request: AnalysisRequest): Promise<string> {
  const jobId = `web-${randomUUID()}`;
  await jobQueues().enqueueAnalysis(
    { request, requester: WEB_REQUESTER, reply: { platform: "none" } },
    jobId,
  );
  return jobId;
}

/**
 * Checks a submission, counts it against the client's rate limit, answers
 * it from a recent identical analysis when there is one, and otherwise
 * queues it for the workers, exactly as a chat request is queued.
 *
 * @param client - who submitted, for the rate limit (an address)
 */
export async function submitAnalysis(
  fields: SubmissionFields,
  client: string,
): Promise<SubmissionOutcome> {
  const { limits, defaultModel } = env();
  const check = checkSubmission(fields, {
    maxTextLength: limits.maxTextLength,
    defaultModel,
    installedModels: await installedModels(),
  });
  if (!check.ok) return { kind: "invalid", errors: check.errors };

  try {
    const limited = await rateLimited(client);
    if (limited) return limited;
    const earlier = await reusable(check.request);
    if (earlier !== null) return { kind: "reused", analysisId: earlier };
    const jobId = await enqueue(check.request);
    log("info", "submission.queued", { jobId, model: check.request.model });
    return { kind: "queued", jobId };
  } catch (error) {
    log("error", "submission.unavailable", { error: describeError(error) });
    return { kind: "unavailable", message: UNAVAILABLE_MESSAGE };
  }
}
