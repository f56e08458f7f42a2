import {
  ANALYSES_QUEUE,
  analysisJobSchema,
  openJobQueues,
  workerConnection,
} from "@attrib/jobs";
import { createStore } from "@attrib/store";
import { Worker } from "bullmq";

import { loadEnv } from "./env.ts";
import { createLogger } from "./logger.ts";
import { ModelCache } from "./ModelCache.ts";
import { startRetention } from "./applyRetention.ts";
import { processAnalysis } from "./processAnalysis.ts";

const env = loadEnv();
const log = createLogger("worker", env.WORKER_NAME);
const store = createStore({
  databaseUrl: env.DATABASE_URL,
  onPoolError: (error) => log("warn", "database.pool_error", { message: error.message }),
});
const queues = openJobQueues(env.REDIS_URL);
const models = new ModelCache({
  modelsDir: env.ATTRIB_MODELS_DIR,
  executionProvider: env.ATTRIB_EXECUTION_PROVIDER,
});
const deps = {
  models,
  store,
  queues,
  dashboardUrl: env.DASHBOARD_URL,
  log,
  detail: env.WORKER_DETAIL,
};

// Loading a model blocks the event loop for seconds; doing it before taking
// jobs keeps a job's lock renewed while it runs, so a busy worker is never
// mistaken for a dead one.
for (const name of env.WORKER_PRELOAD_MODELS) {
  await models.get(name).then(
    () => log("info", "model.loaded", { model: name }),
    (error: unknown) =>
      log("warn", "model.preload_failed", {
        model: name,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
}

const worker = new Worker(
  ANALYSES_QUEUE,
  async (job) => {
    log("info", "analysis.started", {
      jobId: job.id,
      attempt: job.attemptsMade + 1,
      queuedMs: Date.now() - job.timestamp,
    });
    return processAnalysis(job.id ?? "", analysisJobSchema.parse(job.data), deps);
  },
  {
    connection: workerConnection(env.REDIS_URL),
    concurrency: env.WORKER_CONCURRENCY,
    lockDuration: env.WORKER_LOCK_MS,
    stalledInterval: env.WORKER_STALLED_INTERVAL_MS,
    name: env.WORKER_NAME,
  },
);

const stopRetention = startRetention({
  store,
  days: env.ATTRIB_RETENTION_DAYS,
  intervalMs: env.ATTRIB_RETENTION_INTERVAL_MIN * 60_000,
  log,
});

worker.on("ready", () => log("info", "worker.ready", { queue: ANALYSES_QUEUE }));
worker.on("failed", (job, error) =>
  log("warn", "analysis.failed", { jobId: job?.id, message: error.message }),
);
worker.on("error", (error) => log("error", "worker.error", { message: error.message }));

async function shutdown(signal: string): Promise<void> {
  log("info", "worker.stopping", { signal });
  stopRetention();
  await worker.close();
  await Promise.allSettled([queues.close(), store.close(), models.releaseAll()]);
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
