import { Redis } from "ioredis";

import { env } from "../env.ts";
import { log } from "./logger.ts";
import { processSingleton } from "./processSingleton.ts";

/**
 * The dashboard's own Redis connection, for rate limits. Commands fail at
 * once while Redis is down instead of waiting in a queue, so a submitter
 * hears about it in time; the client reconnects on its own.
 */
export function rateLimitRedis(): Redis {
  return processSingleton("rateLimitRedis", () => {
    const redis = new Redis(env().redisUrl, {
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
      if (!reachable) log("info", "redis.reconnected");
      reachable = true;
    });
    return redis;
  });
}

/** Resolves once the connection is ready, or after `timeoutMs` whatever its state. */
export function redisReady(redis: Redis, timeoutMs = 2_000): Promise<void> {
  if (redis.status === "ready") return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    redis.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
