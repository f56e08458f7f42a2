import type { Instrumentation } from "next";

import { env } from "./env.ts";
import { describeError, log } from "./server/logger.ts";

/**
 * Runs once when the server starts: a missing or invalid variable stops it
 * here, with a message naming the variable, instead of at the first request.
 */
export function register(): void {
  const { publicUrl, modelsDir, limits } = env();
  log("info", "web.starting", { publicUrl, modelsDir, limits });
}

/** A page or route that failed, as one log line in the shape every app logs in. */
export const onRequestError: Instrumentation.onRequestError = (
  error,
  request,
  context,
) => {
  log("error", "request.failed", {
    method: request.method,
    // The query can hold search text a person typed; the path is enough.
    path: request.path.split("?")[0],
    route: context.routePath,
    routeType: context.routeType,
    error: describeError(error),
  });
};
