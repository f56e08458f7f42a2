import { prepareDatabase } from "@attrib/store";

import { TEST_DATABASE_URL } from "../support/testServices.ts";

/** Vitest global setup: the bot tests store and reuse analyses in attrib_bot_test. */
export default async function prepareBotTestDatabase(): Promise<void> {
  await prepareDatabase({ databaseUrl: TEST_DATABASE_URL });
}
