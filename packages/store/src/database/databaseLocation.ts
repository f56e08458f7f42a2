import { StoreError } from "../errors/StoreError.ts";

/**
 * Where a database URL points, for messages: `host:port/name`, never the
 * user or password.
 *
 * @throws {@link StoreError} INVALID_INPUT when the URL is not a PostgreSQL URL
 */
export function databaseLocation(databaseUrl: string): string {
  const url = parseDatabaseUrl(databaseUrl);
  return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

/**
 * @throws {@link StoreError} INVALID_INPUT when the URL is not a PostgreSQL URL
 */
export function parseDatabaseUrl(databaseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch (error) {
    throw invalidUrl("is not a URL", error);
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw invalidUrl(`has protocol ${url.protocol}`);
  }
  if (url.pathname.length <= 1) throw invalidUrl("names no database");
  return url;
}

function invalidUrl(problem: string, cause?: unknown): StoreError {
  return new StoreError(
    "INVALID_INPUT",
    `the database URL ${problem}; give one like ` + "postgresql://USER@HOST:5432/attrib",
    { cause },
  );
}
