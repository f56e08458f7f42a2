import { createHash, randomUUID } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import {
  applyMigrations,
  DEFAULT_MIGRATIONS_DIR,
  ensureDatabase,
  prepareDatabase,
} from "../src/index.ts";
import { databaseUrl, dropDatabase, sql } from "./support/testDatabase.ts";

const scratch: string[] = [];
const folders: string[] = [];
const TABLES = ["installed_model", "analysis", "analysis_target", "contribution"];

/** A database of its own for one test, dropped afterwards. */
function scratchDatabase(): { name: string; url: string } {
  const name = `attrib_test_migrations_${randomUUID().slice(0, 8)}`;
  scratch.push(name);
  return { name, url: databaseUrl(name) };
}

/** A copy of the checked-in migrations to break on purpose. */
async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "attrib-migrations-"));
  folders.push(dir);
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function checkedInMigrations(): Promise<{ name: string; checksum: string }[]> {
  const entries = await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(join(DEFAULT_MIGRATIONS_DIR, name, "migration.sql"));
      return { name, checksum: createHash("sha256").update(bytes).digest("hex") };
    }),
  );
}

async function existingTables(url: string): Promise<string[]> {
  const rows = await sql<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' ORDER BY table_name`,
    [],
    url,
  );
  return rows.map((row) => row.table_name);
}

async function history(url: string) {
  return sql<{
    migration_name: string;
    checksum: string;
    finished: boolean;
    applied_steps_count: number;
  }>(
    `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count
       FROM "_prisma_migrations" ORDER BY migration_name`,
    [],
    url,
  );
}

afterAll(async () => {
  for (const name of scratch) await dropDatabase(name);
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

describe("applying the checked-in migrations", () => {
  it("creates the database, applies every migration and records it as Prisma does", async () => {
    const { url } = scratchDatabase();
    const expected = await checkedInMigrations();

    const report = await prepareDatabase({ databaseUrl: url });

    expect(report.created).toBe(true);
    expect(report.applied).toEqual(expected.map((m) => m.name));
    expect(await existingTables(url)).toEqual(
      expect.arrayContaining([...TABLES, "_prisma_migrations"]),
    );
    expect(await history(url)).toEqual(
      expected.map((m) => ({
        migration_name: m.name,
        checksum: m.checksum,
        finished: true,
        applied_steps_count: 1,
      })),
    );
  });

  it("applies nothing when run again", async () => {
    const { url } = scratchDatabase();
    const expected = (await checkedInMigrations()).map((m) => m.name);
    await prepareDatabase({ databaseUrl: url });

    const again = await prepareDatabase({ databaseUrl: url });

    expect(again).toEqual({
      created: false,
      applied: [],
      alreadyApplied: expected,
      unknown: [],
    });
    expect(await history(url)).toHaveLength(expected.length);
  });

  it("applies each migration once when two processes start together", async () => {
    const { url } = scratchDatabase();
    await ensureDatabase(url);

    const reports = await Promise.all([
      applyMigrations({ databaseUrl: url }),
      applyMigrations({ databaseUrl: url }),
    ]);

    const expected = (await checkedInMigrations()).map((m) => m.name);
    expect(reports.flatMap((r) => r.applied).sort()).toEqual(expected);
    expect(await history(url)).toHaveLength(expected.length);
  });

  it("rolls a failing migration back whole and says which one failed", async () => {
    const { url } = scratchDatabase();
    await ensureDatabase(url);
    const dir = await copyOfMigrations();
    const broken = "20991231235959_broken";
    await mkdir(join(dir, broken));
    await writeFile(
      join(dir, broken, "migration.sql"),
      "CREATE TABLE half_done (id integer);\nSELECT * FROM no_such_table;\n",
    );

    await expect(
      applyMigrations({ databaseUrl: url, migrationsDir: dir }),
    ).rejects.toMatchObject({
      code: "MIGRATION_FAILED",
      message: expect.stringMatching(
        /20991231235959_broken failed and was rolled back.*no_such_table/,
      ) as unknown,
    });
    expect(await existingTables(url)).not.toContain("half_done");
    expect(await existingTables(url)).toEqual(expect.arrayContaining(TABLES));
    expect((await history(url)).map((row) => row.migration_name)).not.toContain(broken);
  });

  it("refuses to go on when an applied migration was edited since", async () => {
    const { url } = scratchDatabase();
    await prepareDatabase({ databaseUrl: url });
    const dir = await copyOfMigrations();
    const [first] = await checkedInMigrations();
    if (!first) throw new Error("no migrations are checked in");
    const path = join(dir, first.name, "migration.sql");
    await writeFile(
      path,
      `${await readFile(path, "utf8")}\nALTER TABLE analysis ADD COLUMN x int;\n`,
    );

    await expect(
      applyMigrations({ databaseUrl: url, migrationsDir: dir }),
    ).rejects.toMatchObject({
      code: "MIGRATION_FAILED",
      message: expect.stringMatching(
        new RegExp(`${first.name}/migration.sql was changed after it was applied`),
      ) as unknown,
    });
  });

  it("takes a checkout with Windows line endings for the same migrations", async () => {
    const { url } = scratchDatabase();
    await prepareDatabase({ databaseUrl: url });
    const dir = await copyOfMigrations();
    for (const { name } of await checkedInMigrations()) {
      const path = join(dir, name, "migration.sql");
      await writeFile(path, (await readFile(path, "utf8")).replace(/\n/g, "\r\n"));
    }

    const report = await applyMigrations({ databaseUrl: url, migrationsDir: dir });

    expect(report.applied).toEqual([]);
  });
});
