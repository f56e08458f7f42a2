import { createDashboardStore, type DashboardStore } from "@attrib/store";

import { env } from "../env.ts";
import { log } from "./logger.ts";
import { processSingleton } from "./processSingleton.ts";

/** The process's one connection pool to the analyses database. */
export function dashboardStore(): DashboardStore {
  return processSingleton("dashboardStore", () =>
    createDashboardStore({
      databaseUrl: env().databaseUrl,
      onPoolError: (error) =>
        log("warn", "database.pool_error", { message: error.message }),
    }),
  );
}
