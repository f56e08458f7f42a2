import { prepareDatabase } from "@attrib/store";
import { Redis } from "ioredis";

import { E2E_DATABASE_URL, E2E_REDIS_URL } from "./services.ts";

/** Vitest global setup: a migrated test database and an empty Redis index of the suite's own. */
export default async function prepareE2e(): Promise<void> {
  await prepareDatabase({ databaseUrl: E2E_DATABASE_URL });
  const redis = new Redis(E2E_REDIS_URL);
  await redis.flushdb();
  redis.disconnect();
}
