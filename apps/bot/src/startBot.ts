import { listInstalledModels } from "@attrib/core";
import { openJobQueues } from "@attrib/jobs";
import { createStore } from "@attrib/store";
import type { WebClient } from "@slack/web-api";

import { createCommandHandler } from "./command/createCommandHandler.ts";
import { createDiscordRest } from "./discord/createDiscordRest.ts";
import type { BotEnv } from "./env.ts";
import { createRateLimiter } from "./limits/RateLimiter.ts";
import { describeError, type Logger } from "./logging/Logger.ts";
import { openBotRedis } from "./redis/openBotRedis.ts";
import { createReplyLedger } from "./replies/ReplyLedger.ts";
import { createReplyPoster } from "./replies/ReplyPoster.ts";
import { startReplyWorker } from "./replies/startReplyWorker.ts";
import { createBotApp, DISCORD_INTERACTIONS_PATH } from "./server/createBotApp.ts";
import { closeServer, listen } from "./server/listen.ts";
import { createSlackClient } from "./slack/createSlackClient.ts";
import { SLACK_COMMANDS_PATH } from "./slack/mountSlackCommands.ts";

/** A database that does not answer within this is reported as down. */
const DATABASE_CONNECT_TIMEOUT_MS = 1_500;

export interface RunningBot {
  /** Base URL of the HTTP server, e.g. http://127.0.0.1:3100 */
  url: string;
  /** Stops the server and the reply worker and closes every connection. */
  close(): Promise<void>;
}

function reportPlatforms(env: BotEnv, log: Logger): void {
  if (env.discord === null) {
    log("warn", "discord.not_configured", {
      detail:
        "set DISCORD_APPLICATION_ID, DISCORD_PUBLIC_KEY and DISCORD_BOT_TOKEN; " +
        `until then ${DISCORD_INTERACTIONS_PATH} answers 404`,
    });
  }
  if (env.slack === null) {
    log("warn", "slack.not_configured", {
      detail:
        "set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN; " +
        `until then ${SLACK_COMMANDS_PATH} answers 404`,
    });
  }
}

/** Checks the Slack token once, for the log; serving does not wait for it. */
function checkSlackToken(client: WebClient, log: Logger): void {
  client.auth
    .test()
    .then((identity) =>
      log("info", "slack.authenticated", { team: identity.team, botUser: identity.user }),
    )
    .catch((error: unknown) =>
      log("warn", "slack.auth_failed", { error: describeError(error) }),
    );
}

/**
 * Starts the bot: the HTTP server for Discord and Slack and the reply
 * worker, on the services `env` names.
 *
 * @param log - where the bot's JSON lines go
 */
export async function startBot(env: BotEnv, log: Logger): Promise<RunningBot> {
  const redis = await openBotRedis(env.redisUrl, log);
  const queues = openJobQueues(env.redisUrl);
  const store = createStore({
    databaseUrl: env.databaseUrl,
    connectTimeoutMs: DATABASE_CONNECT_TIMEOUT_MS,
    onPoolError: (error) =>
      log("warn", "database.pool_error", { error: describeError(error) }),
  });
  const handle = createCommandHandler({
    queues,
    store,
    rateLimiter: createRateLimiter(redis, {
      count: env.limits.rateLimitCount,
      windowMs: env.limits.rateLimitWindowMs,
      prefix: env.redisPrefix,
    }),
    installedModels: () => listInstalledModels(env.modelsDir),
    limits: env.limits,
    defaultModel: env.defaultModel,
    dashboardUrl: env.dashboardUrl,
    operators: env.operators,
    deletionSecret: env.deletionSecret,
    log,
  });
  const { server, url } = await listen(
    createBotApp({ env, handle, log }),
    env.host,
    env.port,
  );

  const slack = env.slack ? createSlackClient(env.slack, log) : null;
  if (slack) checkSlackToken(slack, log);
  const worker = startReplyWorker({
    redisUrl: env.redisUrl,
    post: createReplyPoster({
      discord: env.discord ? createDiscordRest(env.discord, log) : null,
      slack,
    }),
    ledger: createReplyLedger(redis, env.redisPrefix),
    log,
    concurrency: env.replyConcurrency,
  });
  reportPlatforms(env, log);
  log("info", "bot.started", {
    url,
    discord: env.discord !== null,
    slack: env.slack !== null,
  });

  return {
    url,
    async close() {
      // A worker waits for its jobs to finish, which needs Redis; without
      // Redis it would wait forever, so it is closed at once instead.
      const graceful = redis.status === "ready";
      await Promise.allSettled([closeServer(server), worker.close(!graceful)]);
      await Promise.allSettled([queues.close(), store.close(), redis.quit()]);
      // quit() cannot reach a Redis that is down; this stops reconnecting.
      redis.disconnect();
    },
  };
}
