import { afterAll, describe, expect, it } from "vitest";

import { type AnalysisQuestion, createStore, type Requester } from "../src/index.ts";
import { attributionResult, uniqueModelName } from "./fixtures/attributionResult.ts";
import { deleteRows, sql, TEST_DATABASE_URL } from "./support/testDatabase.ts";

const store = createStore({ databaseUrl: TEST_DATABASE_URL });
const model = uniqueModelName();
const created: string[] = [];
const slackUser: Requester = {
  platform: "slack",
  serverId: "T024BE7LD",
  userId: "U012AB3CD",
};
const HOUR = 3_600_000;

/** The question the fixture answers, as a bot would ask it. */
function question(overrides: Partial<AnalysisQuestion> = {}): AnalysisQuestion {
  return { model, text: "Steve", k: 3, targets: [" Ballmer"], ...overrides };
}

async function save(text = "Steve") {
  const stored = await store.saveAnalysis(attributionResult({ model, text }), slackUser);
  created.push(stored.id);
  return stored;
}

async function backdate(id: string, ms: number) {
  await sql(
    "UPDATE analysis SET created_at = created_at - $2 * interval '1 millisecond' WHERE id = $1",
    [id, ms],
  );
}

afterAll(async () => {
  await deleteRows(created, [model]);
  await store.close();
});

describe("reusing a recent answer to the same question", () => {
  it("finds an analysis saved within the window", async () => {
    const saved = await save("Steve reuse within");

    const found = await store.findReusableAnalysis(
      question({ text: "Steve reuse within" }),
      60_000,
    );

    expect(found?.id).toBe(saved.id);
    expect(found?.result.targets.map((t) => t.token)).toEqual([
      " Jobs",
      " Wozniak",
      ",",
      " Ballmer",
    ]);
  });

  it("ignores an analysis older than the window", async () => {
    const saved = await save("Steve reuse outside");
    await backdate(saved.id, 2 * HOUR);

    const ask = question({ text: "Steve reuse outside" });

    expect(await store.findReusableAnalysis(ask, HOUR)).toBeNull();
    expect((await store.findReusableAnalysis(ask, 3 * HOUR))?.id).toBe(saved.id);
  });

  it("matches model, text, k and the set of named targets, in any order", async () => {
    const saved = await save("Steve reuse key");
    const text = "Steve reuse key";

    expect((await store.findReusableAnalysis(question({ text }), HOUR))?.id).toBe(
      saved.id,
    );
    expect(
      await store.findReusableAnalysis(question({ text: `${text} ` }), HOUR),
    ).toBeNull();
    expect(await store.findReusableAnalysis(question({ text, k: 5 }), HOUR)).toBeNull();
    expect(
      await store.findReusableAnalysis(question({ text, targets: [] }), HOUR),
    ).toBeNull();
    expect(
      await store.findReusableAnalysis(question({ text, model: `${model}-x` }), HOUR),
    ).toBeNull();
    const reordered = question({ text, targets: [" Gates", " Ballmer"] });
    expect(await store.findReusableAnalysis(reordered, HOUR)).toBeNull();
  });

  it("hands reuse to the newest answer while the older keeps its permalink", async () => {
    const older = await save("Steve reuse newest");
    await backdate(older.id, 1000);
    const newer = await save("Steve reuse newest");

    const found = await store.findReusableAnalysis(
      question({ text: "Steve reuse newest" }),
      HOUR,
    );

    expect(found?.id).toBe(newer.id);
    expect((await store.findAnalysis(older.id)).id).toBe(older.id);
  });

  it("does not mind two saves of the same question at once", async () => {
    const both = await Promise.all([save("Steve reuse race"), save("Steve reuse race")]);

    const found = await store.findReusableAnalysis(
      question({ text: "Steve reuse race" }),
      HOUR,
    );

    expect(both.map((s) => s.id)).toContain(found?.id);
  });
});
