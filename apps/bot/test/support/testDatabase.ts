import pg from "pg";

import { TEST_DATABASE_URL } from "./testServices.ts";

/**
 * Removes rows these tests stored, by their ids and model names, straight
 * in SQL: the store offers no delete, and nothing else is touched.
 */
export async function deleteTestRows(
  analysisIds: string[],
  modelNames: string[],
): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query("DELETE FROM analysis WHERE id = ANY($1::uuid[])", [analysisIds]);
    await client.query("DELETE FROM installed_model WHERE name = ANY($1)", [modelNames]);
  } finally {
    await client.end();
  }
}
