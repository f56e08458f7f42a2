import { Redis } from "ioredis";

import type { Logger } from "../logging/Logger.ts";

/** How long start-up waits for a first connection before serving anyway. */
const FIRST_CONNECT_WAIT_MS = 2_000;

/**
 * The bot's own Redis connection (rate limits, posted-reply marks). Commands
 * fail at once while Redis is down instead of waiting in a queue, so a chat
 * request is answered in time; the client reconnects on its own.
 *
 * @param redisUrl - e.g. redis://127.0.0.1:6379
 * @param log - told when Redis goes away and comes back, once each time
 */
export async function openBotRedis(redisUrl: string, log: Logger): Promise<Redis> {
  const redis = new Redis(redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 2_000),
  });
  let reachable = true;
  redis.on("error", (error: Error) => {
    if (!reachable) return;
    reachable = false;
    log("warn", "redis.unreachable", { message: error.message });
  });
  redis.on("ready", () => {
    if (!reachable) log("info", "redis.reconnected", {});
    reachable = true;
  });

  await waitForReady(redis);
  return redis;
}

function waitForReady(redis: Redis): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FIRST_CONNECT_WAIT_MS);
    redis.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
