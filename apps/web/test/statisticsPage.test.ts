/**
 * The statistics page shows, for each figure, the number of analyses the
 * database holds for it, counted here with SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type TestBrowser, openBrowser } from "./support/browser.ts";
import { dashboardUrl, fetchDashboard, sql } from "./support/dashboard.ts";
import { TEST_MODEL, testOutput } from "./support/paths.ts";

let browser: TestBrowser;

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser.close();
});

interface Counts {
  analyses: number;
  with_signed_share: number;
  tied: number;
  untied: number;
  of_model: number;
}

/** Analyses with a top token, counted straight from the tables. */
async function counts(): Promise<Counts> {
  const [row] = await sql<Counts>(
    `SELECT count(*)::int AS analyses,
            count(*) FILTER (WHERE t.raw_has_signed_shares)::int AS with_signed_share,
            count(*) FILTER (WHERE m.tied_embeddings)::int AS tied,
            count(*) FILTER (WHERE NOT m.tied_embeddings)::int AS untied,
            count(*) FILTER (WHERE m.name = $1)::int AS of_model
       FROM analysis a
       JOIN installed_model m ON m.id = a.model_id
       JOIN analysis_target t ON t.analysis_id = a.id AND t.rank = 1`,
    [TEST_MODEL],
  );
  if (!row) throw new Error("no counts");
  return row;
}

describe("the statistics page", () => {
  it("shows how many analyses each figure rests on, as the database holds them", async () => {
    const expected = await counts();
    const page = await browser.context.newPage();
    await page.goto(`${dashboardUrl()}/statistics`);
    const analysesOf = (testId: string) =>
      page.locator(`[data-testid="${testId}"]`).first().getAttribute("data-analyses");

    expect(expected.analyses).toBeGreaterThanOrEqual(5);
    expect(await page.getByTestId("overall-count").textContent()).toBe(
      String(expected.analyses),
    );
    expect(await analysesOf("share-overall")).toBe(String(expected.analyses));
    expect(await analysesOf(`share-model-${TEST_MODEL}`)).toBe(String(expected.of_model));
    expect(await analysesOf("share-tied")).toBe(String(expected.tied));
    expect(await analysesOf("share-untied")).toBe(String(expected.untied));
    expect(
      await page
        .getByTestId("share-overall")
        .getByTestId("share-count")
        .first()
        .textContent(),
    ).toBe(String(expected.with_signed_share));
    await page.screenshot({ path: `${testOutput}statistics.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${testOutput}statistics-mobile.png`, fullPage: true });
    await page.close();
  });

  it("gives the same numbers as JSON", async () => {
    const expected = await counts();
    const response = await fetchDashboard("/api/statistics");
    const body = (await response.json()) as {
      overall: { finalMlpShare: { analysisCount: number; signed: { count: number } } };
      models: { model: { name: string }; finalMlpShare: { analysisCount: number } }[];
    };

    expect(body.overall.finalMlpShare.analysisCount).toBe(expected.analyses);
    expect(body.overall.finalMlpShare.signed.count).toBe(expected.with_signed_share);
    expect(
      body.models.find((m) => m.model.name === TEST_MODEL)?.finalMlpShare.analysisCount,
    ).toBe(expected.of_model);
  });
});
