import { fileURLToPath } from "node:url";

import { z } from "zod";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Operators often leave `NAME=` in env files; that means "not set". */
const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(unsetIfEmpty, schema.optional());

const url = (fallback: string) => z.preprocess(unsetIfEmpty, z.url().default(fallback));

const text = (fallback: string) =>
  z.preprocess(unsetIfEmpty, z.string().min(1).default(fallback));

const count = (min: number, max: number, fallback: number) =>
  z.preprocess(unsetIfEmpty, z.coerce.number().int().min(min).max(max).default(fallback));

const envSchema = z.object({
  DISCORD_APPLICATION_ID: optional(z.string().regex(/^\d+$/, "a numeric snowflake")),
  DISCORD_PUBLIC_KEY: optional(
    z.string().regex(/^[0-9a-fA-F]{64}$/, "64 hex digits (the Ed25519 public key)"),
  ),
  DISCORD_BOT_TOKEN: optional(z.string().min(1)),
  DISCORD_API_URL: url("https://discord.com/api"),
  SLACK_SIGNING_SECRET: optional(z.string().min(1)),
  SLACK_BOT_TOKEN: optional(z.string().min(1)),
  SLACK_API_URL: url("https://slack.com/api/"),
  REDIS_URL: url("redis://127.0.0.1:6379"),
  /** Prefix of the bot's own Redis keys (rate limits, posted replies). */
  BOT_REDIS_PREFIX: text("attrib:bot:"),
  DATABASE_URL: url("postgresql://postgres@127.0.0.1:5432/attrib"),
  DASHBOARD_URL: url("http://127.0.0.1:3000"),
  BOT_HOST: text("127.0.0.1"),
  BOT_PORT: count(0, 65_535, 3100),
  BOT_MAX_TEXT_LENGTH: count(1, 100_000, 500),
  BOT_RATE_LIMIT_COUNT: count(1, 10_000, 5),
  BOT_RATE_LIMIT_WINDOW_S: count(1, 86_400, 60),
  BOT_REUSE_WINDOW_S: count(0, 365 * 86_400, 86_400),
  BOT_REPLY_CONCURRENCY: count(1, 64, 4),
  ATTRIB_MODELS_DIR: text(`${repositoryRoot}models`),
  ATTRIB_DEFAULT_MODEL: text("smollm2-135m-instruct"),
  /**
   * Chat users who may hide, unhide and delete any analysis and block users
   * and servers: `discord:<user id>` and `slack:<user id>`, comma-separated.
   */
  ATTRIB_OPERATORS: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .default("")
      .transform((list) =>
        list
          .split(",")
          .map((entry) => entry.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z
            .string()
            .regex(
              /^(discord|slack):[A-Za-z0-9]+$/,
              "entries like discord:123 or slack:U456",
            ),
        ),
      ),
  ),
  /** Shared with the dashboard: signs authors' deletion links. Unset: no links. */
  ATTRIB_DELETION_SECRET: optional(z.string().min(32)),
});

type RawEnv = z.infer<typeof envSchema>;

/** Set together or not at all; a half-configured platform is a mistake. */
const DISCORD_VARIABLES = [
  "DISCORD_APPLICATION_ID",
  "DISCORD_PUBLIC_KEY",
  "DISCORD_BOT_TOKEN",
] as const;
const SLACK_VARIABLES = ["SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN"] as const;

export interface DiscordConfig {
  applicationId: string;
  /** Ed25519 public key, 32 bytes as hex. */
  publicKey: string;
  botToken: string;
  /** REST base without the version, e.g. https://discord.com/api */
  apiUrl: string;
}

export interface SlackConfig {
  signingSecret: string;
  botToken: string;
  /** Web API base ending in a slash, e.g. https://slack.com/api/ */
  apiUrl: string;
}

export interface CommandLimits {
  maxTextLength: number;
  rateLimitCount: number;
  rateLimitWindowMs: number;
  reuseWindowMs: number;
}

/** The bot's configuration, read once at start-up. */
export interface BotEnv {
  /** Null when the Discord variables are not set: its route answers 404. */
  discord: DiscordConfig | null;
  /** Null when the Slack variables are not set: its route answers 404. */
  slack: SlackConfig | null;
  redisUrl: string;
  redisPrefix: string;
  databaseUrl: string;
  dashboardUrl: string;
  host: string;
  port: number;
  limits: CommandLimits;
  replyConcurrency: number;
  modelsDir: string;
  defaultModel: string;
  /** `discord:<id>` and `slack:<id>` of the chat operators. */
  operators: ReadonlySet<string>;
  /** Null: `/attrib deletelink` says links are switched off. */
  deletionSecret: string | null;
}

/** Every variable whose value must never reach a log line. */
export function secretsOf(env: BotEnv): string[] {
  return [
    env.discord?.botToken,
    env.slack?.signingSecret,
    env.slack?.botToken,
    env.deletionSecret ?? undefined,
  ].filter((secret): secret is string => secret !== undefined);
}

function platformGroup<K extends keyof RawEnv>(
  raw: RawEnv,
  names: readonly K[],
): { set: boolean; missing: K[] } {
  const missing = names.filter((name) => raw[name] === undefined);
  return { set: missing.length < names.length, missing };
}

function checkGroups(raw: RawEnv): string[] {
  const problems: string[] = [];
  for (const names of [DISCORD_VARIABLES, SLACK_VARIABLES]) {
    const group = platformGroup(raw, names);
    if (group.set && group.missing.length > 0) {
      problems.push(
        `${group.missing.join(", ")}: missing (set all of ${names.join(", ")} ` +
          `to enable the platform, or none to leave it off)`,
      );
    }
  }
  return problems;
}

function toBotEnv(raw: RawEnv): BotEnv {
  const discord =
    raw.DISCORD_APPLICATION_ID && raw.DISCORD_PUBLIC_KEY && raw.DISCORD_BOT_TOKEN
      ? {
          applicationId: raw.DISCORD_APPLICATION_ID,
          publicKey: raw.DISCORD_PUBLIC_KEY.toLowerCase(),
          botToken: raw.DISCORD_BOT_TOKEN,
          apiUrl: raw.DISCORD_API_URL.replace(/\/+$/, ""),
        }
      : null;
  const slack =
    raw.SLACK_SIGNING_SECRET && raw.SLACK_BOT_TOKEN
      ? {
          signingSecret: raw.SLACK_SIGNING_SECRET,
          botToken: raw.SLACK_BOT_TOKEN,
          apiUrl: raw.SLACK_API_URL.replace(/\/*$/, "/"),
        }
      : null;
  return {
    discord,
    slack,
    redisUrl: raw.REDIS_URL,
    redisPrefix: raw.BOT_REDIS_PREFIX,
    databaseUrl: raw.DATABASE_URL,
    dashboardUrl: raw.DASHBOARD_URL.replace(/\/+$/, ""),
    host: raw.BOT_HOST,
    port: raw.BOT_PORT,
    limits: {
      maxTextLength: raw.BOT_MAX_TEXT_LENGTH,
      rateLimitCount: raw.BOT_RATE_LIMIT_COUNT,
      rateLimitWindowMs: raw.BOT_RATE_LIMIT_WINDOW_S * 1000,
      reuseWindowMs: raw.BOT_REUSE_WINDOW_S * 1000,
    },
    replyConcurrency: raw.BOT_REPLY_CONCURRENCY,
    modelsDir: raw.ATTRIB_MODELS_DIR,
    defaultModel: raw.ATTRIB_DEFAULT_MODEL,
    operators: new Set(raw.ATTRIB_OPERATORS),
    deletionSecret: raw.ATTRIB_DELETION_SECRET ?? null,
  };
}

/**
 * The bot's configuration. The only place in the bot that reads the
 * environment.
 *
 * @param source - the variables; `process.env` when left out
 * @throws Error naming each invalid or missing variable and what it accepts
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): BotEnv {
  const parsed = envSchema.safeParse(source);
  const problems = parsed.success
    ? checkGroups(parsed.data)
    : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  if (!parsed.success || problems.length > 0) {
    throw new Error(`invalid environment: ${problems.join("; ")}`);
  }
  return toBotEnv(parsed.data);
}
