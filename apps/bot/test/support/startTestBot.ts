import { type BotEnv, loadEnv, secretsOf } from "../../src/env.ts";
import { createLogger } from "../../src/logging/Logger.ts";
import { type RunningBot, startBot } from "../../src/startBot.ts";
import { discordTestKeys, type DiscordTestKeys } from "./signRequests.ts";
import {
  TEST_DATABASE_URL,
  TEST_MODEL,
  TEST_REDIS_URL,
  testModelsDir,
  testRedisPrefix,
} from "./testServices.ts";

export const TEST_APPLICATION_ID = "1000000000000000001";
export const TEST_DISCORD_BOT_TOKEN = "test-discord-bot-token.not-real";
export const TEST_SLACK_SIGNING_SECRET = "test-slack-signing-secret";
export const TEST_SLACK_BOT_TOKEN = "xoxb-test-slack-bot-token";

export interface TestBot extends RunningBot {
  env: BotEnv;
  keys: DiscordTestKeys;
  /** Every JSON line the bot logged, parsed. */
  logs: Record<string, unknown>[];
  /** The raw lines, to check that no secret ever reaches them. */
  logText: string[];
}

export interface TestBotOptions {
  /** Base URLs of the stand-ins; always set so no test reaches a real API. */
  discordApiUrl: string;
  slackApiUrl: string;
  /** Variables to add or override, e.g. REDIS_URL or limits. */
  variables?: Record<string, string>;
  extraModels?: string[];
}

/**
 * Starts the bot as main.ts does, from environment variables, on a free
 * loopback port, against the stand-ins and the test Redis and database.
 */
export async function startTestBot(options: TestBotOptions): Promise<TestBot> {
  const keys = discordTestKeys();
  const env = loadEnv({
    DISCORD_APPLICATION_ID: TEST_APPLICATION_ID,
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_BOT_TOKEN: TEST_DISCORD_BOT_TOKEN,
    DISCORD_API_URL: options.discordApiUrl,
    SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET,
    SLACK_BOT_TOKEN: TEST_SLACK_BOT_TOKEN,
    SLACK_API_URL: options.slackApiUrl,
    REDIS_URL: TEST_REDIS_URL,
    BOT_REDIS_PREFIX: testRedisPrefix(),
    DATABASE_URL: TEST_DATABASE_URL,
    DASHBOARD_URL: "http://127.0.0.1:3000",
    BOT_HOST: "127.0.0.1",
    BOT_PORT: "0",
    ATTRIB_MODELS_DIR: await testModelsDir(...(options.extraModels ?? [])),
    ATTRIB_DEFAULT_MODEL: TEST_MODEL,
    ...options.variables,
  });
  const logs: Record<string, unknown>[] = [];
  const logText: string[] = [];
  const log = createLogger({
    service: "bot",
    secrets: secretsOf(env),
    write: (line) => {
      logText.push(line);
      logs.push(JSON.parse(line) as Record<string, unknown>);
    },
  });
  const bot = await startBot(env, log);
  return { ...bot, env, keys, logs, logText };
}
