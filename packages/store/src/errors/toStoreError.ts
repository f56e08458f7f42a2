import { StoreError } from "./StoreError.ts";

/** Prisma error codes that mean the server could not be reached or used. */
const UNREACHABLE_PRISMA_CODES = new Set([
  "P1000", // authentication failed
  "P1001", // cannot reach the server
  "P1002", // the server timed out
  "P1008", // an operation timed out
  "P1011", // TLS failed
  "P1017", // the server closed the connection
  "P2024", // no connection free in the pool in time
]);

/** Prisma error codes that mean the database or its tables are missing. */
const NOT_MIGRATED_PRISMA_CODES = new Set(["P1003", "P2021", "P2022"]);

/** Node socket errors raised by the pg driver itself. */
const UNREACHABLE_SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** PostgreSQL SQLSTATEs: no such database, table or column. */
const NOT_MIGRATED_SQLSTATES = new Set(["3D000", "42P01", "42703"]);

/**
 * Turns whatever Prisma or the pg driver threw into a {@link StoreError}
 * whose message says what could not be done and what to do about it.
 *
 * @param error - the thrown value; a StoreError passes through unchanged
 * @param action - what was being done, e.g. "store the analysis"
 * @param location - `host:port/name` of the database, for the message
 */
export function toStoreError(
  error: unknown,
  action: string,
  location: string,
): StoreError {
  if (error instanceof StoreError) return error;

  const code = errorCode(error);
  if (code !== undefined && isUnreachable(code, error)) {
    return new StoreError(
      "UNAVAILABLE",
      `could not ${action} right now: the database at ${location} is not ` +
        `reachable (${code}); try again in a minute`,
      { cause: error },
    );
  }
  if (
    code !== undefined &&
    (NOT_MIGRATED_PRISMA_CODES.has(code) || NOT_MIGRATED_SQLSTATES.has(code))
  ) {
    return new StoreError(
      "NOT_MIGRATED",
      `could not ${action}: the database at ${location} or its tables are ` +
        "missing; run `npm run db:migrate` to create and migrate it",
      { cause: error },
    );
  }
  return new StoreError(
    "QUERY_FAILED",
    `could not ${action}: the database at ${location} refused the query ` +
      `(${code ?? "no code"}: ${reason(error)})`,
    { cause: error },
  );
}

function isUnreachable(code: string, error: unknown): boolean {
  if (UNREACHABLE_PRISMA_CODES.has(code) || UNREACHABLE_SOCKET_CODES.has(code)) {
    return true;
  }
  // Class 08 is "connection exception"; 57P0x is an admin or crash shutdown.
  return code.startsWith("08") || code.startsWith("57P") || hasConnectionCause(error);
}

function hasConnectionCause(error: unknown): boolean {
  const message = error instanceof Error ? error.message : "";
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
    message,
  );
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && code.length > 0) return code;
  const cause = (error as { cause?: unknown }).cause;
  return cause === undefined || cause === error ? undefined : errorCode(cause);
}

/** The last line of a message: Prisma puts the database's own words there. */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split("\n").map((line) => line.trim());
  return lines.filter((line) => line.length > 0).at(-1) ?? "no message";
}
