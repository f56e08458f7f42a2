import { fileURLToPath } from "node:url";

import { z } from "zod";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

const envSchema = z.object({
  ATTRIB_MODELS_DIR: z.string().min(1).default(`${repositoryRoot}models`),
  ATTRIB_DEFAULT_MODEL: z.string().min(1).default("smollm2-135m-instruct"),
  ATTRIB_EXECUTION_PROVIDER: z.enum(["cpu", "cuda"]).default("cpu"),
  ATTRIB_DEBUG: z
    .enum(["0", "1"])
    .default("0")
    .transform((value) => value === "1"),
});

export type CliEnv = z.infer<typeof envSchema>;

/**
 * The command line's configuration, read once from the environment.
 *
 * @throws Error naming each invalid variable and what it accepts
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): CliEnv {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
    .join("; ");
  throw new Error(`invalid environment: ${problems}`);
}
