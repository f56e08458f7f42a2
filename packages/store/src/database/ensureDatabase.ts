import pg from "pg";

import { toStoreError } from "../errors/toStoreError.ts";
import { databaseLocation, parseDatabaseUrl } from "./databaseLocation.ts";

/** SQLSTATE of CREATE DATABASE when another process created it first. */
const DUPLICATE_DATABASE = "42P04";

/**
 * Creates the database a URL names if the server does not have it yet.
 *
 * @param databaseUrl - the database to create
 * @param maintenanceDatabase - an existing database on the same server to
 * connect to meanwhile
 * @returns whether it was created now
 * @throws {@link StoreError} UNAVAILABLE when the server cannot be reached,
 * QUERY_FAILED when it refuses (e.g. the user may not create databases)
 */
export async function ensureDatabase(
  databaseUrl: string,
  maintenanceDatabase = "postgres",
): Promise<boolean> {
  const url = parseDatabaseUrl(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = `/${maintenanceDatabase}`;
  const client = new pg.Client({ connectionString: url.toString() });

  try {
    await client.connect();
    const { rowCount } = await client.query(
      "SELECT 1 FROM pg_database WHERE datname = $1",
      [name],
    );
    if (rowCount) return false;
    await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    return true;
  } catch (error) {
    if (sqlState(error) === DUPLICATE_DATABASE) return false;
    throw toStoreError(error, `create database ${name}`, databaseLocation(databaseUrl));
  } finally {
    await client.end().catch(() => undefined);
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function sqlState(error: unknown): unknown {
  return typeof error === "object" && error !== null
    ? (error as { code?: unknown }).code
    : undefined;
}
