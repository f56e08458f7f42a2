import type { Redis } from "ioredis";

import { BotError } from "../errors/BotError.ts";

export interface RateDecision {
  allowed: boolean;
  /** How long until the user may ask again; 0 when allowed. */
  retryAfterMs: number;
}

export interface RateLimiter {
  /**
   * Counts one request of `subject` and says whether it is within the limit.
   *
   * @throws {@link BotError} SERVICE_UNAVAILABLE when Redis cannot be reached
   */
  take(subject: string): Promise<RateDecision>;
}

export interface RateLimitOptions {
  /** Requests allowed per window. */
  count: number;
  windowMs: number;
  /** Prefix of the Redis keys, e.g. "attrib:bot:". */
  prefix: string;
}

/**
 * A fixed-window limit per subject in Redis, shared by every bot process.
 * The window starts with a subject's first request.
 */
export function createRateLimiter(redis: Redis, options: RateLimitOptions): RateLimiter {
  return {
    async take(subject) {
      const key = `${options.prefix}rate:${subject}`;
      const replies = await redis
        .multi()
        .set(key, 0, "PX", options.windowMs, "NX")
        .incr(key)
        .pttl(key)
        .exec()
        .catch((cause: unknown) => {
          throw new BotError(
            "SERVICE_UNAVAILABLE",
            "the rate limit could not be checked (Redis is unreachable)",
            { cause },
          );
        });
      const used = Number(replies?.[1]?.[1]);
      const remainingMs = Number(replies?.[2]?.[1]);
      if (!Number.isFinite(used)) {
        throw new BotError("SERVICE_UNAVAILABLE", "Redis did not count the request");
      }
      if (used <= options.count) return { allowed: true, retryAfterMs: 0 };
      return { allowed: false, retryAfterMs: Math.max(remainingMs, 0) };
    },
  };
}
