import { fileURLToPath } from "node:url";

import { z } from "zod";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

const envSchema = z.object({
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
  DATABASE_URL: z.string().url().default("postgresql://postgres@127.0.0.1:5432/attrib"),
  DASHBOARD_URL: z.string().url().default("http://127.0.0.1:3000"),
  ATTRIB_MODELS_DIR: z.string().min(1).default(`${repositoryRoot}models`),
  ATTRIB_EXECUTION_PROVIDER: z.enum(["cpu", "cuda"]).default("cpu"),
  /** Models loaded before the first job is taken, comma-separated. */
  WORKER_PRELOAD_MODELS: z
    .string()
    .default("smollm2-135m-instruct")
    .transform((list) =>
      list
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  WORKER_NAME: z.string().min(1).default(`worker-${process.pid}`),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  /**
   * How long a job's lock lasts without renewal; a dead worker's job returns
   * to the queue after it. onnxruntime holds the event loop during a run, so
   * it must exceed the longest analysis, or a busy worker looks dead.
   */
  WORKER_LOCK_MS: z.coerce.number().int().min(1_000).default(30_000),
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(15_000),
});

export type WorkerEnv = z.infer<typeof envSchema>;

/**
 * The worker's configuration, read once at start-up.
 *
 * @throws Error naming each invalid variable and what it accepts
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
    .join("; ");
  throw new Error(`invalid environment: ${problems}`);
}
