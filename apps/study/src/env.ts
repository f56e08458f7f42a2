import { fileURLToPath } from "node:url";

import { z } from "zod";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

const envSchema = z.object({
  DATABASE_URL: z.string().url().default("postgresql://postgres@127.0.0.1:5432/attrib"),
  ATTRIB_MODELS_DIR: z.string().min(1).default(`${repositoryRoot}models`),
  ATTRIB_EXECUTION_PROVIDER: z.enum(["cpu", "cuda"]).default("cpu"),
  /** Debian's fortune-mod data files, the corpus's real text. */
  STUDY_FORTUNES_DIR: z.string().min(1).default("/usr/share/games/fortunes"),
  /** One folder per run: its corpus, settings and resumable progress. */
  STUDY_RUNS_DIR: z.string().min(1).default(`${repositoryRoot}.cache/study`),
  /** Where `study report` writes study.md and its figures. */
  STUDY_REPORT_DIR: z.string().min(1).default(`${repositoryRoot}reports`),
});

export type StudyEnv = z.infer<typeof envSchema>;

/**
 * The study command's configuration, read once at start-up.
 *
 * @throws Error naming each invalid variable and what it accepts
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): StudyEnv {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
    .join("; ");
  throw new Error(`invalid environment: ${problems}`);
}
