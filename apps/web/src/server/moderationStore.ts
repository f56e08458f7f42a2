import { createModerationStore, type ModerationStore } from "@attrib/store";

import { env } from "../env.ts";
import { log } from "./logger.ts";
import { processSingleton } from "./processSingleton.ts";

/** The admin pages' and deletion links' store: a small pool of its own. */
export function moderationStore(): ModerationStore {
  return processSingleton("moderationStore", () =>
    createModerationStore({
      databaseUrl: env().databaseUrl,
      onPoolError: (error) =>
        log("warn", "database.pool_error", { message: error.message }),
    }),
  );
}
