import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  applyMigrations,
  createStore,
  isStoreError,
  type Store,
  StoreError,
} from "../src/index.ts";
import { attributionResult } from "./fixtures/attributionResult.ts";
import { unusedPort } from "./support/unusedPort.ts";

let downUrl: string;
let store: Store;

beforeAll(async () => {
  // A password in the URL must never reach a message.
  downUrl = `postgresql://attrib:s3cret-pw@127.0.0.1:${await unusedPort()}/attrib_test`;
  store = createStore({ databaseUrl: downUrl, connectTimeoutMs: 2_000 });
});

afterAll(async () => {
  await store.close();
});

async function failure(operation: Promise<unknown>): Promise<StoreError> {
  const error: unknown = await operation.then(
    () => new Error("the operation succeeded against a database that is down"),
    (e: unknown) => e,
  );
  if (!isStoreError(error)) throw error;
  return error;
}

describe("when the database is down", () => {
  it("says the analysis could not be stored right now", async () => {
    const error = await failure(
      store.saveAnalysis(attributionResult(), { platform: "cli" }),
    );

    expect(error.code).toBe("UNAVAILABLE");
    expect(error.message).toMatch(
      /^could not store the analysis right now: the database at 127\.0\.0\.1:\d+\/attrib_test is not reachable/,
    );
    expect(error.message).toMatch(/try again/);
    expect(error.message).not.toContain("s3cret-pw");
    expect(error.cause).toBeDefined();
  });

  it("reports UNAVAILABLE from reads and listings too, naming what failed", async () => {
    const read = await failure(
      store.findAnalysis("0192f3a4-5b6c-7d8e-9f01-23456789abcd"),
    );
    const list = await failure(store.listAnalyses());
    const models = await failure(store.listModels());

    expect([read.code, list.code, models.code]).toEqual([
      "UNAVAILABLE",
      "UNAVAILABLE",
      "UNAVAILABLE",
    ]);
    expect(read.message).toMatch(/^could not read analysis 0192f3a4/);
    expect(list.message).toMatch(/^could not list the analyses right now/);
  });

  it("reports UNAVAILABLE from the migration runner", async () => {
    const error = await failure(applyMigrations({ databaseUrl: downUrl }));

    expect(error.code).toBe("UNAVAILABLE");
    expect(error.message).toMatch(/^could not apply the migrations right now/);
  });

  it("still checks input first, so a bad request is not blamed on the database", async () => {
    const error = await failure(store.listAnalyses({ pageSize: 0 }));

    expect(error.code).toBe("INVALID_INPUT");
  });

  it("refuses a URL that is not a PostgreSQL URL without echoing it", () => {
    const make = () =>
      createStore({ databaseUrl: "mysql://root:hunter2@127.0.0.1/attrib" });

    expect(make).toThrow(StoreError);
    expect(make).toThrow(
      /the database URL has protocol mysql:; give one like postgresql:/,
    );
    expect(make).not.toThrow(/hunter2/);
  });
});
