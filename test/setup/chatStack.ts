/**
 * The whole chat path as separate processes on loopback: the bot, two
 * workers, real Redis and PostgreSQL, and stand-ins of Discord's and
 * Slack's web APIs.
 */
import {
  discordTestKeys,
  type DiscordTestKeys,
} from "../../apps/bot/test/support/signRequests.ts";
import {
  type DiscordApiStandin,
  startDiscordApiStandin,
} from "../../apps/bot/test/standins/startDiscordApiStandin.ts";
import {
  type SlackApiStandin,
  startSlackApiStandin,
} from "../../apps/bot/test/standins/startSlackApiStandin.ts";
import { freePort } from "./freePort.ts";
import { modelsDir } from "./paths.ts";
import {
  E2E_DATABASE_URL,
  E2E_REDIS_URL,
  type Service,
  startService,
} from "./services.ts";

import { TEST_APPLICATION_ID } from "../../apps/bot/test/support/startTestBot.ts";

/** The application id the interaction fixtures carry. */
export const E2E_APPLICATION_ID = TEST_APPLICATION_ID;
export const E2E_SLACK_SIGNING_SECRET = "e2e-slack-signing-secret";
export const DASHBOARD_URL = "http://127.0.0.1:3000";

export interface ChatStack {
  botUrl: string;
  keys: DiscordTestKeys;
  discord: DiscordApiStandin;
  slack: SlackApiStandin;
  workers: Service[];
  bot: Service;
  /** The last lines every process logged, to explain a failure. */
  recentLogs(): string;
  stop(): Promise<void>;
}

/**
 * Starts the stack and waits until the bot and every worker are ready.
 *
 * @param workerCount - how many worker processes
 */
export async function startChatStack(workerCount: number): Promise<ChatStack> {
  const [discord, slack, port] = await Promise.all([
    startDiscordApiStandin(),
    startSlackApiStandin("xoxb-e2e-not-real"),
    freePort(),
  ]);
  const keys = discordTestKeys();
  const shared = { REDIS_URL: E2E_REDIS_URL, DATABASE_URL: E2E_DATABASE_URL };

  const workers = Array.from({ length: workerCount }, (_, i) =>
    startService("apps/worker/bin/worker.js", {
      ...shared,
      ATTRIB_MODELS_DIR: modelsDir,
      DASHBOARD_URL,
      WORKER_NAME: `e2e-worker-${i}`,
    }),
  );
  const bot = startService("apps/bot/bin/bot.js", {
    ...shared,
    DISCORD_APPLICATION_ID: E2E_APPLICATION_ID,
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_BOT_TOKEN: "e2e-discord-bot-token.not-real",
    DISCORD_API_URL: discord.apiUrl,
    SLACK_SIGNING_SECRET: E2E_SLACK_SIGNING_SECRET,
    SLACK_BOT_TOKEN: "xoxb-e2e-not-real",
    SLACK_API_URL: slack.apiUrl,
    DASHBOARD_URL,
    BOT_PORT: String(port),
    BOT_REUSE_WINDOW_S: "0",
    BOT_RATE_LIMIT_COUNT: "1000",
    ATTRIB_MODELS_DIR: modelsDir,
  });

  await Promise.all([
    bot.waitFor('"bot.started"'),
    ...workers.map((worker) => worker.waitFor('"worker.ready"')),
  ]);
  return {
    botUrl: `http://127.0.0.1:${port}`,
    keys,
    discord,
    slack,
    workers,
    bot,
    recentLogs() {
      return [bot, ...workers]
        .map((service) => service.output().split("\n").slice(-15).join("\n"))
        .join("\n---\n");
    },
    async stop() {
      await Promise.all([bot.stop(), ...workers.map((worker) => worker.stop())]);
      await Promise.all([discord.close(), slack.close()]);
    },
  };
}

/** Polls `check` until it returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => T | undefined,
  timeoutMs: number,
  what: string,
  explain: () => string = () => "",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}\n${explain()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
