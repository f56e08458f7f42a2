import { fileURLToPath } from "node:url";

import { z } from "zod";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

const DETAIL_PARTS = ["heads", "neurons", "lens"];

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
  /**
   * What every analysis adds beyond the per-layer split, comma-separated:
   * `heads`, `neurons`, `lens` (all three by default; `none` for none).
   * They are stored with the analysis, and the dashboard's permalink shows
   * them; the lens costs the most (see the README's benchmark section).
   */
  WORKER_DETAIL: z
    .string()
    .default("heads,neurons,lens")
    .transform((list, context) => {
      const parts = list
        .split(",")
        .map((part) => part.trim())
        .filter((part) => part !== "" && part !== "none");
      const unknown = parts.filter((part) => !DETAIL_PARTS.includes(part));
      if (unknown.length > 0) {
        context.addIssue({
          code: "custom",
          message: `unknown part ${unknown.join(", ")}; accepted: ${DETAIL_PARTS.join(", ")} or none`,
        });
      }
      return {
        heads: parts.includes("heads"),
        neurons: parts.includes("neurons"),
        lens: parts.includes("lens"),
      };
    }),
  WORKER_NAME: z.string().min(1).default(`worker-${process.pid}`),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  /**
   * How long a job's lock lasts without renewal; a dead worker's job returns
   * to the queue after it. onnxruntime holds the event loop during a run, so
   * it must exceed the longest analysis, or a busy worker looks dead.
   */
  WORKER_LOCK_MS: z.coerce.number().int().min(1_000).default(30_000),
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(15_000),
  /**
   * Analyses older than this many days are deleted; 0 keeps them forever.
   * Every worker applies it (deleting twice is harmless).
   */
  ATTRIB_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
  /** How often the retention rule runs, in minutes. */
  ATTRIB_RETENTION_INTERVAL_MIN: z.coerce.number().int().min(1).max(1_440).default(60),
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
