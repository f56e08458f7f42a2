import { describeError, log } from "../server/logger.ts";
import { storeErrorCode } from "../server/storeErrorCode.ts";

/** The closed set of failure kinds the JSON API answers with. */
export type ApiErrorCode = "NOT_FOUND" | "INVALID_INPUT" | "RATE_LIMITED" | "UNAVAILABLE";

const STATUS: Record<ApiErrorCode, number> = {
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/** A JSON error body: `{ error: { code, message, ...details } }`. */
export function apiError(
  code: ApiErrorCode,
  message: string,
  details: object = {},
  headers: HeadersInit = {},
): Response {
  return Response.json(
    { error: { code, message, ...details } },
    { status: STATUS[code], headers },
  );
}

/**
 * Answers a failure the route did not expect: an unreachable database as
 * 503 with advice, anything else as 503 too, logged with its details.
 *
 * @param route - which route failed, for the log
 */
export function unexpectedApiError(route: string, error: unknown): Response {
  log("error", "api.failed", { route, error: describeError(error) });
  const message =
    storeErrorCode(error) !== null && error instanceof Error
      ? error.message
      : "The dashboard could not answer just now; please try again in a minute.";
  return apiError("UNAVAILABLE", message);
}
