import { prepareDatabase } from "@attrib/store";

import { STUDY_TEST_DATABASE_URL, sql } from "../support/studyDatabase.ts";

/**
 * Vitest global setup: a fresh, migrated attrib_study_test. Fresh because
 * the study stores analyses under request ids made of model, prompt and
 * seed: rows left by an earlier test run would be found instead of stored.
 */
export default async function prepareStudyDatabase(): Promise<void> {
  const server = new URL(STUDY_TEST_DATABASE_URL);
  const name = server.pathname.slice(1);
  server.pathname = "/postgres";
  await sql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, [], server.toString());
  await prepareDatabase({ databaseUrl: STUDY_TEST_DATABASE_URL });
}
