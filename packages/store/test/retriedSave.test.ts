import { randomUUID } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { createStore, type Requester } from "../src/index.ts";
import { attributionResult, uniqueModelName } from "./fixtures/attributionResult.ts";
import { deleteRows, sql, TEST_DATABASE_URL } from "./support/testDatabase.ts";

const store = createStore({ databaseUrl: TEST_DATABASE_URL });
const model = uniqueModelName();
const created = new Set<string>();
const requester: Requester = { platform: "discord", userId: "284756102938475610" };

async function rowsFor(requestId: string): Promise<number> {
  const [row] = await sql<{ n: string }>(
    "SELECT count(*) AS n FROM analysis WHERE request_id = $1",
    [requestId],
  );
  return Number(row?.n);
}

afterAll(async () => {
  await deleteRows([...created], [model]);
  await store.close();
});

describe("saving again under the same request id, as a retried job does", () => {
  it("returns the analysis saved the first time and stores no second copy", async () => {
    const requestId = `job-${randomUUID()}`;
    const first = await store.saveAnalysis(attributionResult({ model }), requester, {
      requestId,
    });
    created.add(first.id);

    const again = await store.saveAnalysis(attributionResult({ model }), requester, {
      requestId,
    });

    expect(again.id).toBe(first.id);
    expect(again.requestId).toBe(requestId);
    expect(again.result).toEqual(first.result);
    expect(await rowsFor(requestId)).toBe(1);
  });

  it("stores one copy when both attempts arrive at once", async () => {
    const requestId = `job-${randomUUID()}`;
    const save = () =>
      store.saveAnalysis(attributionResult({ model, text: "Steve race" }), requester, {
        requestId,
      });

    const [a, b] = await Promise.all([save(), save()]);
    created.add(a.id).add(b.id);

    expect(a.id).toBe(b.id);
    expect(await rowsFor(requestId)).toBe(1);
  });

  it("stores separate analyses for separate requests of the same question", async () => {
    const saves = await Promise.all(
      ["a", "b"].map((suffix) =>
        store.saveAnalysis(attributionResult({ model }), requester, {
          requestId: `job-${randomUUID()}-${suffix}`,
        }),
      ),
    );
    saves.forEach((s) => created.add(s.id));

    expect(new Set(saves.map((s) => s.id)).size).toBe(2);
  });
});
