import { prepareDatabase } from "../../src/index.ts";
import { TEST_DATABASE_URL } from "../support/testDatabase.ts";

/** Vitest global setup: the store tests run against a migrated attrib_test. */
export default async function prepareTestDatabase(): Promise<void> {
  await prepareDatabase({ databaseUrl: TEST_DATABASE_URL });
}
