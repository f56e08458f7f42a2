/**
 * The list in a real browser: newest first, search, filters, paging past
 * the end, and prompt HTML shown as text.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type TestBrowser, openBrowser } from "./support/browser.ts";
import { dashboardUrl, fetchDashboard, seeded, sql } from "./support/dashboard.ts";
import { sidewaysOverflow } from "./support/overflow.ts";
import { testOutput } from "./support/paths.ts";
import { SEED_PROMPTS } from "./setup/seedAnalyses.ts";

const HTML_PROMPT = SEED_PROMPTS.find((p) => p.text.startsWith("<script>"))?.text ?? "";

let browser: TestBrowser;

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser.close();
});

async function promptsShown(path: string): Promise<string[]> {
  const page = await browser.context.newPage();
  await page.goto(`${dashboardUrl()}${path}`);
  const prompts = await page.locator("table.analyses td.prompt-cell a").allTextContents();
  await page.close();
  return prompts;
}

describe("the list of analyses", () => {
  it("shows every stored analysis newest first, with its top token and final MLP share", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${dashboardUrl()}/`);
    const rows = page.locator("table.analyses tbody tr");
    const stored = await sql<{ prompt_text: string }>(
      "SELECT prompt_text FROM analysis ORDER BY created_at DESC, id DESC",
    );
    const steve = page.locator("tr", { hasText: "Ada" });
    const [top] = await sql<{ token: string; probability: number }>(
      `SELECT t.token, t.probability FROM analysis_target t JOIN analysis a ON a.id = t.analysis_id
        WHERE a.id = $1 AND t.rank = 1`,
      [seeded("Steve").id],
    );

    expect(await page.locator("td.prompt-cell a").allTextContents()).toEqual(
      stored.map((row) => row.prompt_text),
    );
    expect(await rows.count()).toBe(stored.length);
    expect(await steve.locator("td[data-label='Top token']").textContent()).toBe(
      JSON.stringify(top?.token),
    );
    expect(await steve.locator("td[data-label='Probability']").textContent()).toBe(
      `${((top?.probability ?? 0) * 100).toFixed(1)}%`,
    );
    expect(await steve.locator("td[data-label='Final MLP share']").textContent()).toMatch(
      /^−?\d+%$|^n\/a$/,
    );
    await page.screenshot({ path: `${testOutput}list.png`, fullPage: true });
    await page.close();
  });

  it("finds analyses by text, ignoring case, from the search box", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${dashboardUrl()}/`);
    await page.getByLabel("Prompt contains").fill("capital of FRANCE");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/search=capital/);

    expect(await page.locator("td.prompt-cell a").allTextContents()).toEqual([
      "The capital of France is",
    ]);
    await page.close();
  });

  it("filters by platform, model and date", async () => {
    expect(await promptsShown("/?platform=slack")).toEqual(["The capital of France is"]);
    expect(
      await promptsShown("/?model=smollm2-135m-instruct&from=2025-03-02&to=2025-03-03"),
    ).toEqual(["The capital of France is", "Steve"]);
  });

  it("sends a page or filter out of range to the nearest valid list", async () => {
    const past = await fetchDashboard("/?search=Steve&page=99");
    const nonsense = await fetchDashboard(
      "/?page=-4&platform=fax&model=no-such-model&from=2025-02-30",
    );
    const backwards = await fetchDashboard("/?from=2025-03-03&to=2025-03-02");

    expect(past.status).toBe(307);
    expect(past.headers.get("location")).toBe("/?search=Steve");
    expect(nonsense.headers.get("location")).toBe("/");
    expect(backwards.headers.get("location")).toBe("/?from=2025-03-02&to=2025-03-03");
    const page = await browser.context.newPage();
    await page.goto(`${dashboardUrl()}/?page=99`);
    expect(new URL(page.url()).search).toBe("");
    expect(await page.getByText("Page 1 of 1").count()).toBe(1);
    await page.close();
  });

  it("shows HTML and script in a prompt as text, never running it", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${dashboardUrl()}/`);
    const cell = page.locator("td.prompt-cell a", { hasText: "<script>" });

    expect(await cell.textContent()).toBe(HTML_PROMPT);
    expect(await page.locator("td.prompt-cell b, td.prompt-cell img").count()).toBe(0);
    await page.goto(`${dashboardUrl()}/analyses/${seeded(HTML_PROMPT).id}`);
    expect(await page.locator("h1 q").textContent()).toBe(HTML_PROMPT);
    expect(await page.evaluate(() => "__attribInjected" in window)).toBe(false);
    await page.close();
  });

  it("fits a phone's width without sideways scrolling", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${dashboardUrl()}/`);

    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.screenshot({ path: `${testOutput}list-mobile.png`, fullPage: true });
    await page.close();
  });
});
