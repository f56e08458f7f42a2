import type { Redis } from "ioredis";

export interface RateDecision {
  allowed: boolean;
  /** How long until the client may submit again; 0 when allowed. */
  retryAfterMs: number;
}

export interface RateLimitOptions {
  /** Submissions allowed per window. */
  count: number;
  windowMs: number;
  /** Prefix of the Redis keys, e.g. "attrib:web:". */
  prefix: string;
}

/** Redis could not count the request; nothing was queued. */
export class RateLimitUnavailableError extends Error {
  override readonly name = "RateLimitUnavailableError";
}

/**
 * Counts one submission of `client` in a fixed window that starts with its
 * first submission, shared by every dashboard process through Redis.
 *
 * @throws {@link RateLimitUnavailableError} when Redis cannot be reached
 */
export async function takeRateLimit(
  redis: Redis,
  client: string,
  options: RateLimitOptions,
): Promise<RateDecision> {
  const key = `${options.prefix}rate:${client}`;
  const replies = await redis
    .multi()
    .set(key, 0, "PX", options.windowMs, "NX")
    .incr(key)
    .pttl(key)
    .exec()
    .catch((cause: unknown) => {
      throw new RateLimitUnavailableError("Redis is unreachable", { cause });
    });
  const used = Number(replies?.[1]?.[1]);
  const remainingMs = Number(replies?.[2]?.[1]);
  if (!Number.isFinite(used)) {
    throw new RateLimitUnavailableError("Redis did not count the submission");
  }
  if (used <= options.count) return { allowed: true, retryAfterMs: 0 };
  return { allowed: false, retryAfterMs: Math.max(remainingMs, 0) };
}
