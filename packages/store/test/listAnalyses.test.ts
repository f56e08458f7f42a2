import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createStore, type Platform } from "../src/index.ts";
import { attributionResult, uniqueModelName } from "./fixtures/attributionResult.ts";
import { deleteRows, sql, TEST_DATABASE_URL } from "./support/testDatabase.ts";

const store = createStore({ databaseUrl: TEST_DATABASE_URL });
const model = uniqueModelName();
const otherModel = uniqueModelName();
/** Only this run's analyses contain it, whatever else the database holds. */
const marker = `listcheck${Date.now().toString(36)}`;
const created: string[] = [];

/** Newest first: the order the list must come back in. */
const prompts: { text: string; platform: Platform; model: string }[] = [
  { text: `${marker} Steve`, platform: "discord", model },
  { text: `${marker} The capital of France is`, platform: "slack", model },
  { text: `${marker} 100% sure_thing`, platform: "web", model: otherModel },
  { text: `${marker} STEVE in capitals`, platform: "discord", model },
  { text: `${marker} Once upon a time`, platform: "cli", model },
];

beforeAll(async () => {
  for (const [age, prompt] of prompts.entries()) {
    const result = attributionResult({ model: prompt.model, text: prompt.text });
    const stored = await store.saveAnalysis(result, { platform: prompt.platform });
    created.push(stored.id);
    // Distinct, known ages make the expected order certain.
    await sql(
      "UPDATE analysis SET created_at = now() - $2 * interval '1 minute' WHERE id = $1",
      [stored.id, age + 1],
    );
  }
});

afterAll(async () => {
  await deleteRows(created, [model, otherModel]);
  await store.close();
});

describe("listing analyses", () => {
  it("pages through matches newest first without gaps or repeats", async () => {
    const pages = await Promise.all(
      [1, 2, 3].map((page) => store.listAnalyses({ search: marker, page, pageSize: 2 })),
    );

    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages[0]).toMatchObject({ total: 5, pageCount: 3, page: 1, pageSize: 2 });
    expect(pages.flatMap((p) => p.items.map((item) => item.text))).toEqual(
      prompts.map((p) => p.text),
    );
    const beyond = await store.listAnalyses({ search: marker, page: 4, pageSize: 2 });
    expect(beyond.items).toEqual([]);
  });

  it("summarises each analysis with its model and most likely token", async () => {
    const { items } = await store.listAnalyses({ search: marker, pageSize: 1 });

    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      text: `${marker} Steve`,
      model: { name: model, displayName: "Tied test model (4 layers)" },
      platform: "discord",
      k: 3,
      topTarget: { token: " Jobs", tokenId: 11794 },
    });
  });

  it("searches prompt text ignoring case", async () => {
    const { items } = await store.listAnalyses({ search: `${marker} steve` });

    expect(items.map((i) => i.text)).toEqual([
      `${marker} Steve`,
      `${marker} STEVE in capitals`,
    ]);
  });

  it("treats % and _ in a search as characters, not wildcards", async () => {
    const percent = await store.listAnalyses({ search: `${marker} 100%` });
    const underscore = await store.listAnalyses({ search: "sure_thing" });
    const wildcard = await store.listAnalyses({ search: `${marker}%capital` });

    expect(percent.items.map((i) => i.text)).toEqual([`${marker} 100% sure_thing`]);
    expect(underscore.items.map((i) => i.text)).toContain(`${marker} 100% sure_thing`);
    expect(wildcard.total).toBe(0);
  });

  it("filters by model and by platform", async () => {
    const byModel = await store.listAnalyses({ search: marker, model: otherModel });
    const byPlatform = await store.listAnalyses({ search: marker, platform: "discord" });

    expect(byModel.items.map((i) => i.text)).toEqual([`${marker} 100% sure_thing`]);
    expect(byPlatform.items.map((i) => i.text)).toEqual([
      `${marker} Steve`,
      `${marker} STEVE in capitals`,
    ]);
  });

  it("refuses a page or page size out of range with what is accepted", async () => {
    await expect(store.listAnalyses({ page: 0 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/numbered from 1/) as unknown,
    });
    await expect(store.listAnalyses({ pageSize: 1000 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/from 1 to 100/) as unknown,
    });
  });
});
