import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { Redis } from "ioredis";

/**
 * The bot tests' own Redis database on the local server, so that their
 * queue jobs never meet another suite's workers. Only keys these tests
 * made are ever removed.
 */
export const TEST_REDIS_URL = "redis://127.0.0.1:6379/9";

/** The bot tests' own PostgreSQL database, migrated by the global setup. */
export const TEST_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/attrib_bot_test";

/** The model the test models folder holds and the bot uses by default. */
export const TEST_MODEL = "test-model";

/** A unique prefix for one test run's own Redis keys. */
export function testRedisPrefix(): string {
  return `attrib:bot-test:${randomUUID()}:`;
}

/** Removes the keys under a prefix this run made; nothing else. */
export async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

/**
 * A models folder with bundles the bot lists as installed. Only the
 * manifest's presence matters to the bot; no model is ever run here.
 */
export async function testModelsDir(...models: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "attrib-bot-models-"));
  for (const model of [TEST_MODEL, ...models]) {
    await mkdir(join(dir, model));
    await writeFile(join(dir, model, "manifest.json"), "{}\n");
  }
  return dir;
}

/** A loopback port nothing listens on: it was free a moment ago. */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
