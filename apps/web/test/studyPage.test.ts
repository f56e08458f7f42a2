/**
 * The Study page shows the newest study report published to the store:
 * nothing but how to make one before any is published, then its numbers,
 * figures, method and limits, the same statistics as JSON and the report's
 * Markdown.
 */
import { createStore } from "@attrib/store";
import {
  analysisDetail,
  measureAnalysis,
  STUDY_STATISTICS_FORMAT,
  studyStatistics,
} from "@attrib/study";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type TestBrowser, openBrowser } from "./support/browser.ts";
import { dashboardUrl, fetchDashboard, sql } from "./support/dashboard.ts";
import { TEST_MODEL, testOutput } from "./support/paths.ts";
import { WEB_DATABASE_URL } from "./support/webServices.ts";

let browser: TestBrowser;

beforeAll(async () => {
  browser = await openBrowser();
  await sql("DELETE FROM study_report");
});

afterAll(async () => {
  await browser.close();
});

const MARKDOWN = [
  "# The study",
  "",
  "## Method",
  "",
  "Each prompt is analysed with **k = 5** and `--lens`.",
  "",
  "## Limits",
  "",
  "- **Direct effects.** Only the last position.",
  "- Few, small models.",
  "",
].join("\n");

/** Publishes a report made from the suite's stored analyses, as the study command would. */
async function publishReport() {
  const store = createStore({ databaseUrl: WEB_DATABASE_URL });
  try {
    const rows = await sql<{ id: string }>(
      "SELECT id FROM analysis WHERE hidden_at IS NULL ORDER BY created_at",
    );
    const measures = [];
    for (const { id } of rows) {
      const { result } = await store.findAnalysis(id);
      measures.push(
        measureAnalysis(result, { id, source: "test" }, analysisDetail(result)),
      );
    }
    const statistics = studyStatistics(measures, {
      seed: 1,
      resamples: 200,
      level: 0.95,
    });
    const report = await store.saveStudyReport({
      run: "seed-7",
      analyses: measures.length,
      format: STUDY_STATISTICS_FORMAT,
      statistics,
      markdown: MARKDOWN,
    });
    return { report, statistics };
  } finally {
    await store.close();
  }
}

describe("the Study page", () => {
  it("says how to make a report before one is published", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${dashboardUrl()}/study`);
    expect(await page.getByTestId("study-empty").textContent()).toContain(
      "npm run study -- report",
    );
    await page.close();
    const api = await fetchDashboard("/api/study");
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: string }).error).toMatch(/no study report/);
  });

  it("shows the newest report's numbers, figures, method and limits", async () => {
    const { report, statistics } = await publishReport();
    const group = statistics.byModel.find((g) => g.label === TEST_MODEL);
    expect(group).toBeDefined();
    const raw = group?.finalMlp.raw.signedShare;
    const median = raw?.median ?? Number.NaN;

    const page = await browser.context.newPage();
    await page.goto(`${dashboardUrl()}/study`);
    expect(await page.getByTestId("study-meta").textContent()).toContain(
      `${report.analyses} analyses`,
    );
    const headline = page
      .getByTestId("study-headline")
      .locator(`tr[data-group="${TEST_MODEL}"]`);
    const rawCell = await headline.locator('td[data-method="raw"]').textContent();
    const percent = (median * 100).toFixed(1).replace("-", "−");
    expect(rawCell).toContain(`${percent}%`);
    expect(await headline.locator("td").nth(0).textContent()).toBe(
      String(group?.analyses),
    );

    expect(
      await page.locator(`[data-testid="study-histograms-${TEST_MODEL}"] svg`).count(),
    ).toBe(2);
    expect(await page.locator('svg [data-method="centered"]').count()).toBe(
      statistics.byModel.length,
    );
    expect(await page.getByText("Each prompt is analysed with").count()).toBe(1);
    expect(await page.locator("li strong", { hasText: "Direct effects." }).count()).toBe(
      1,
    );
    await page.screenshot({ path: `${testOutput}study.png`, fullPage: true });
    await page.close();

    const api = await fetchDashboard("/api/study");
    expect(api.status).toBe(200);
    const body = (await api.json()) as { run: string; statistics: unknown };
    expect(body.run).toBe("seed-7");
    expect(body.statistics).toEqual(JSON.parse(JSON.stringify(statistics)));
    const markdown = await fetchDashboard("/api/study/report.md");
    expect(markdown.headers.get("content-type")).toMatch(/^text\/markdown/);
    expect(await markdown.text()).toBe(MARKDOWN);
  });
});
