/**
 * Creates the app's database if missing and applies the pending migrations:
 * `npm run db:migrate`. DATABASE_URL names the database; the local default
 * suits a development machine.
 */
import { isStoreError, prepareDatabase } from "../src/index.ts";

const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/attrib";
const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;

try {
  const report = await prepareDatabase({ databaseUrl });
  const name = new URL(databaseUrl).pathname.slice(1);
  if (report.created) console.log(`created database ${name}`);
  for (const migration of report.applied) console.log(`applied ${migration}`);
  if (report.applied.length === 0) {
    console.log(
      `database ${name} is up to date (${report.alreadyApplied.length} migrations)`,
    );
  }
  if (report.unknown.length > 0) {
    console.warn(
      `the database has migrations this checkout lacks: ${report.unknown.join(", ")}`,
    );
  }
} catch (error) {
  if (!isStoreError(error)) throw error;
  console.error(`db:migrate: ${error.message}`);
  process.exitCode = 1;
}
