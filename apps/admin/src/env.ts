import { randomBytes } from "node:crypto";

import { z } from "zod";

const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);

const envSchema = z.object({
  DATABASE_URL: z.preprocess(
    unsetIfEmpty,
    z.url().default("postgresql://postgres@127.0.0.1:5432/attrib"),
  ),
  PUBLIC_URL: z.preprocess(unsetIfEmpty, z.url().default("http://127.0.0.1:3000")),
  WEB_AUTH_SECRET: z.preprocess(unsetIfEmpty, z.string().min(32).optional()),
});

export interface AdminEnv {
  databaseUrl: string;
  publicUrl: string;
  /**
   * Adding operators hashes passwords and ends sessions, neither of which
   * uses the signing secret; without WEB_AUTH_SECRET a throwaway one serves.
   */
  authSecret: string;
}

/**
 * The admin command's configuration, read once.
 *
 * @throws Error naming each invalid variable
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): AdminEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new Error(`invalid environment: ${problems}`);
  }
  return {
    databaseUrl: parsed.data.DATABASE_URL,
    publicUrl: parsed.data.PUBLIC_URL,
    authSecret: parsed.data.WEB_AUTH_SECRET ?? randomBytes(32).toString("base64url"),
  };
}
