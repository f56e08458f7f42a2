import type { Redis } from "ioredis";

/** How long a posted reply is remembered; far longer than any retry. */
const REMEMBER_S = 14 * 24 * 3600;

/** Which reply jobs have reached their chat, so that a retry never posts twice. */
export interface ReplyLedger {
  wasPosted(jobId: string): Promise<boolean>;
  markPosted(jobId: string): Promise<void>;
}

/**
 * A ledger in Redis, shared by every bot process.
 *
 * @param prefix - prefix of the keys, e.g. "attrib:bot:"
 */
export function createReplyLedger(redis: Redis, prefix: string): ReplyLedger {
  const key = (jobId: string) => `${prefix}replied:${jobId}`;
  return {
    async wasPosted(jobId) {
      return (await redis.exists(key(jobId))) === 1;
    },
    async markPosted(jobId) {
      await redis.set(key(jobId), new Date().toISOString(), "EX", REMEMBER_S);
    },
  };
}
