import pg from "pg";

/** The store tests' own database on the local server, created by the global setup. */
export const TEST_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/attrib_test";

/** A URL for another database on the same server, e.g. a scratch one for migrations. */
export function databaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Runs one statement on a database directly, bypassing the store: to look
 * at rows as SQL sees them, to backdate them, and to clean up.
 */
export async function sql<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
  url: string = TEST_DATABASE_URL,
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Removes analyses (their targets and contributions go with them) and then models. */
export async function deleteRows(
  analysisIds: string[],
  modelNames: string[],
): Promise<void> {
  await sql("DELETE FROM analysis WHERE id = ANY($1::uuid[])", [analysisIds]);
  await sql("DELETE FROM installed_model WHERE name = ANY($1)", [modelNames]);
}

/** Drops a scratch database, closing whatever connections it still has. */
export async function dropDatabase(name: string): Promise<void> {
  await sql(
    `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
    [],
    databaseUrl("postgres"),
  );
}
