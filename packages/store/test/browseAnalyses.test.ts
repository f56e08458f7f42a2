/**
 * The dashboard's list: dates, the final MLP's share of the top token, and
 * a page past the last.
 */
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDashboardStore, createStore } from "../src/index.ts";
import { finalMlpResult } from "./fixtures/finalMlpResult.ts";
import { deleteRows, sql, TEST_DATABASE_URL } from "./support/testDatabase.ts";

const store = createStore({ databaseUrl: TEST_DATABASE_URL });
const dashboard = createDashboardStore({ databaseUrl: TEST_DATABASE_URL });
const model = `browse-${randomUUID().slice(0, 8)}`;
/** Only this run's analyses contain it, whatever else the database holds. */
const marker = `browsecheck${Date.now().toString(36)}`;
const created: string[] = [];

/** Newest first; each asked on its own day of January 2026. */
const analyses = [
  { day: 20, finalMlp: 3, platform: "web" as const },
  { day: 10, finalMlp: -0.99, platform: "discord" as const },
  { day: 5, finalMlp: 1, platform: "slack" as const },
];

beforeAll(async () => {
  for (const analysis of analyses) {
    const result = finalMlpResult({
      model,
      tiedEmbeddings: true,
      text: `${marker} day ${analysis.day}`,
      finalMlp: analysis.finalMlp,
    });
    const stored = await store.saveAnalysis(result, {
      platform: analysis.platform,
      userId: "123456789",
      displayName: "Ada",
    });
    created.push(stored.id);
    await sql("UPDATE analysis SET created_at = $2 WHERE id = $1", [
      stored.id,
      new Date(Date.UTC(2026, 0, analysis.day, 12)),
    ]);
  }
});

afterAll(async () => {
  await deleteRows(created, [model]);
  await Promise.all([store.close(), dashboard.close()]);
});

describe("browsing analyses", () => {
  it("shows the final MLP's part of the top token's logit on each line", async () => {
    const { items } = await dashboard.browseAnalyses({ search: marker });

    expect(items.map((i) => i.text)).toEqual(
      analyses.map((a) => `${marker} day ${a.day}`),
    );
    expect(items[0]).toMatchObject({
      model: { name: model },
      platform: "web",
      userDisplayName: "Ada",
      topTarget: { token: " next", probability: 0.25 },
      finalMlp: { component: "L1.mlp", value: 3 },
    });
    // 3 of 1 + 3, and of the absolute mass 0.5 + 0.25 + 0.25 + 3.
    expect(items[0]?.finalMlp?.signedShare).toBeCloseTo(0.75, 12);
    expect(items[0]?.finalMlp?.absoluteShare).toBeCloseTo(0.75, 12);
    expect(items[1]?.finalMlp?.signedShare).toBeNull();
    expect(items[1]?.finalMlp?.absoluteShare).toBeCloseTo(0.99 / 1.99, 12);
  });

  it("never carries platform ids on a line", async () => {
    const { items } = await dashboard.browseAnalyses({ search: marker });

    expect(JSON.stringify(items)).not.toContain("123456789");
  });

  it("filters by date: from inclusive, until exclusive", async () => {
    const page = await dashboard.browseAnalyses({
      search: marker,
      from: new Date(Date.UTC(2026, 0, 5, 12)),
      until: new Date(Date.UTC(2026, 0, 20, 12)),
    });

    expect(page.items.map((i) => i.text)).toEqual([
      `${marker} day 10`,
      `${marker} day 5`,
    ]);
  });

  it("gives the last page for a page past it", async () => {
    const page = await dashboard.browseAnalyses({
      search: marker,
      page: 99,
      pageSize: 2,
    });

    expect(page).toMatchObject({ page: 2, pageCount: 2, total: 3 });
    expect(page.items.map((i) => i.text)).toEqual([`${marker} day 5`]);
  });

  it("gives one empty page when nothing matches", async () => {
    const page = await dashboard.browseAnalyses({ search: `${marker} none`, page: 3 });

    expect(page).toMatchObject({ page: 1, pageCount: 1, total: 0, items: [] });
  });

  it("treats % and _ in a search as characters and filters by platform", async () => {
    const wildcard = await dashboard.browseAnalyses({ search: `${marker}%day` });
    const slack = await dashboard.browseAnalyses({ search: marker, platform: "slack" });

    expect(wildcard.total).toBe(0);
    expect(slack.items.map((i) => i.text)).toEqual([`${marker} day 5`]);
  });

  it("refuses a page that is not a page number", async () => {
    await expect(dashboard.browseAnalyses({ page: 0 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(dashboard.browseAnalyses({ pageSize: 1001 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/from 1 to 1000/) as unknown,
    });
  });
});
