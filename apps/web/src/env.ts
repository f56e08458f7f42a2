import { resolve } from "node:path";

import { z } from "zod";

/** Operators often leave `NAME=` in env files; that means "not set". */
const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);

const url = (fallback: string) => z.preprocess(unsetIfEmpty, z.url().default(fallback));

const text = (fallback: string) =>
  z.preprocess(unsetIfEmpty, z.string().min(1).default(fallback));

/** A secret: unset means the feature it guards is switched off, never a default. */
const secret = () => z.preprocess(unsetIfEmpty, z.string().min(32).optional());

const count = (min: number, max: number, fallback: number) =>
  z.preprocess(unsetIfEmpty, z.coerce.number().int().min(min).max(max).default(fallback));

/**
 * `next start` runs in apps/web (npm runs a workspace's scripts there), so
 * the repository's models folder is two levels up.
 */
const DEFAULT_MODELS_DIR = resolve(process.cwd(), "../../models");

const envSchema = z.object({
  DATABASE_URL: url("postgresql://postgres@127.0.0.1:5432/attrib"),
  REDIS_URL: url("redis://127.0.0.1:6379"),
  ATTRIB_MODELS_DIR: text(DEFAULT_MODELS_DIR),
  ATTRIB_DEFAULT_MODEL: text("smollm2-135m-instruct"),
  /** Where people reach the dashboard: permalinks and preview images use it. */
  PUBLIC_URL: url("http://127.0.0.1:3000"),
  /** Prefix of the dashboard's own Redis keys (rate limits). */
  WEB_REDIS_PREFIX: text("attrib:web:"),
  WEB_MAX_TEXT_LENGTH: count(1, 100_000, 500),
  WEB_RATE_LIMIT_COUNT: count(1, 10_000, 5),
  WEB_RATE_LIMIT_WINDOW_S: count(1, 86_400, 60),
  /** A question answered this recently is answered from the store, not queued again. */
  WEB_REUSE_WINDOW_S: count(0, 365 * 86_400, 86_400),
  /**
   * How many reverse proxies in front of the dashboard append to
   * X-Forwarded-For; the client is the address the outermost one saw.
   */
  WEB_TRUSTED_PROXIES: count(0, 10, 0),
  /** How long computed statistics are served before they are computed again. */
  WEB_STATISTICS_CACHE_S: count(0, 86_400, 30),
  /** Signs operator sessions; without it the admin pages refuse everyone. */
  WEB_AUTH_SECRET: secret(),
  /** How long an operator stays signed in. */
  WEB_SESSION_HOURS: count(1, 24 * 30, 8),
  /** Sign-in attempts per account per minute. */
  WEB_SIGN_IN_LIMIT: count(1, 10_000, 10),
  /** Shared with the bot: checks authors' deletion links. */
  ATTRIB_DELETION_SECRET: secret(),
});

export interface SubmitLimits {
  maxTextLength: number;
  rateLimitCount: number;
  rateLimitWindowMs: number;
  reuseWindowMs: number;
}

/** The dashboard's configuration, read once per process. */
export interface WebEnv {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  modelsDir: string;
  defaultModel: string;
  /** Without a trailing slash, e.g. https://attrib.example.org */
  publicUrl: string;
  limits: SubmitLimits;
  trustedProxies: number;
  statisticsCacheMs: number;
  /** Null: operator sign-in is switched off. */
  authSecret: string | null;
  sessionSeconds: number;
  signInLimit: number;
  /** Null: authors' deletion links are switched off. */
  deletionSecret: string | null;
}

/**
 * Reads and checks the environment.
 *
 * @throws Error naming every invalid variable and what it accepts
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): WebEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new Error(`invalid environment for the dashboard: ${problems}`);
  }
  const raw = parsed.data;
  return {
    databaseUrl: raw.DATABASE_URL,
    redisUrl: raw.REDIS_URL,
    redisPrefix: raw.WEB_REDIS_PREFIX,
    modelsDir: resolve(raw.ATTRIB_MODELS_DIR),
    defaultModel: raw.ATTRIB_DEFAULT_MODEL,
    publicUrl: raw.PUBLIC_URL.replace(/\/+$/, ""),
    limits: {
      maxTextLength: raw.WEB_MAX_TEXT_LENGTH,
      rateLimitCount: raw.WEB_RATE_LIMIT_COUNT,
      rateLimitWindowMs: raw.WEB_RATE_LIMIT_WINDOW_S * 1_000,
      reuseWindowMs: raw.WEB_REUSE_WINDOW_S * 1_000,
    },
    trustedProxies: raw.WEB_TRUSTED_PROXIES,
    statisticsCacheMs: raw.WEB_STATISTICS_CACHE_S * 1_000,
    authSecret: raw.WEB_AUTH_SECRET ?? null,
    sessionSeconds: raw.WEB_SESSION_HOURS * 3_600,
    signInLimit: raw.WEB_SIGN_IN_LIMIT,
    deletionSecret: raw.ATTRIB_DELETION_SECRET ?? null,
  };
}

let loaded: WebEnv | undefined;

/** The environment, checked on first use and kept for the life of the process. */
export function env(): WebEnv {
  loaded ??= loadEnv();
  return loaded;
}
