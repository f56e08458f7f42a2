/**
 * Two worker processes on the real queue (Redis) and store (PostgreSQL); the
 * one that took the job is killed mid-job. The job still completes once:
 * one stored analysis, one reply.
 */
import { randomUUID } from "node:crypto";

import {
  ANALYSES_QUEUE,
  openJobQueues,
  REPLIES_QUEUE,
  type AnalysisJob,
  type ReplyJob,
} from "@attrib/jobs";
import { createStore } from "@attrib/store";
import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";

import { modelsDir } from "../setup/paths.ts";
import {
  E2E_DATABASE_URL,
  E2E_REDIS_URL,
  type Service,
  startService,
} from "../setup/services.ts";

const workerEnv = (name: string) => ({
  REDIS_URL: E2E_REDIS_URL,
  DATABASE_URL: E2E_DATABASE_URL,
  ATTRIB_MODELS_DIR: modelsDir,
  WORKER_NAME: name,
  // Longer than the analysis below, which holds the event loop while it runs.
  WORKER_LOCK_MS: "15000",
  WORKER_STALLED_INTERVAL_MS: "1000",
});

const queues = openJobQueues(E2E_REDIS_URL);
const analyses = new Queue(ANALYSES_QUEUE, { connection: { url: E2E_REDIS_URL } });
const replies = new Queue<ReplyJob>(REPLIES_QUEUE, {
  connection: { url: E2E_REDIS_URL },
});
const store = createStore({ databaseUrl: E2E_DATABASE_URL });
const services: Service[] = [];

afterAll(async () => {
  await Promise.all(services.map((service) => service.stop("SIGKILL")));
  await Promise.all([queues.close(), analyses.close(), replies.close(), store.close()]);
});

async function waitForState(jobId: string, states: string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = (await analyses.getJobState(jobId)) as string;
    if (states.includes(state)) return state;
    if (Date.now() > deadline) throw new Error(`job ${jobId} stayed ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a worker killed mid-job", () => {
  it("leaves the job to another worker, which completes it exactly once", async () => {
    const first = startService("apps/worker/bin/worker.js", workerEnv("worker-a"));
    services.push(first);
    await first.waitFor("worker.ready");
    // Long enough that the analysis is still running when the worker is killed.
    const text = `${randomUUID()} ${"The quick brown fox jumps over the lazy dog. ".repeat(40)}`;
    const jobId = `failover-${randomUUID()}`;
    const job: AnalysisJob = {
      request: { text, model: "smollm2-135m-instruct", targets: [" Jobs"], k: 5 },
      requester: {
        platform: "discord",
        serverId: "1",
        channelId: "2",
        userId: "3",
        displayName: "tester",
      },
      reply: { platform: "none" },
    };

    await queues.enqueueAnalysis(job, jobId);
    await waitForState(jobId, ["active"], 30_000);
    await first.stop("SIGKILL");
    expect(await analyses.getJobState(jobId)).toBe("active");

    const second = startService("apps/worker/bin/worker.js", workerEnv("worker-b"));
    services.push(second);
    const state = await waitForState(jobId, ["completed", "failed"], 90_000);
    const failure = (await analyses.getJob(jobId))?.failedReason ?? "";
    expect(state, `${failure}\n${second.output()}`).toBe("completed");

    const stored = await store.listAnalyses({ search: text });
    expect(stored.total).toBe(1);
    expect(second.output()).toContain(`"jobId":"${jobId}"`);
    const reply = await replies.getJob(`reply-${jobId}`);
    expect(reply?.data.analysisId).toBe(stored.items[0]?.id);
    const replyCount = (
      await replies.getJobs(["waiting", "completed", "active", "delayed"])
    ).filter((j) => j.data.analysisId === stored.items[0]?.id).length;
    expect(replyCount).toBe(1);
  });
});
