import { createOperatorAuth, type OperatorAuth } from "@attrib/auth";

import { env } from "../env.ts";
import { log } from "./logger.ts";
import { processSingleton } from "./processSingleton.ts";

/** Operator sign-in, or null while WEB_AUTH_SECRET is not set. */
export function operatorAuth(): OperatorAuth | null {
  const { authSecret, databaseUrl, publicUrl, sessionSeconds } = env();
  if (authSecret === null) return null;
  return processSingleton("operatorAuth", () =>
    createOperatorAuth({
      databaseUrl,
      secret: authSecret,
      publicUrl,
      sessionSeconds,
      log: (level, message) =>
        log(level === "error" ? "error" : "warn", "auth.library", { level, message }),
    }),
  );
}
