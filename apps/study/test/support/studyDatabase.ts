import pg from "pg";

/** The study tests' own database on the local server, made afresh by the global setup. */
export const STUDY_TEST_DATABASE_URL =
  "postgresql://postgres@127.0.0.1:5432/attrib_study_test";

/** Runs one statement on the test database directly, bypassing the store. */
export async function sql<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
  url: string = STUDY_TEST_DATABASE_URL,
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}
