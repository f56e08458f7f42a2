/**
 * One analysis at its permalink: what it shows, its interactive chart, its
 * link preview, and 404 for ids that are not analyses.
 */
import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type TestBrowser, openBrowser } from "./support/browser.ts";
import { dashboardUrl, fetchDashboard, seeded, sql } from "./support/dashboard.ts";
import { sidewaysOverflow } from "./support/overflow.ts";
import { testOutput } from "./support/paths.ts";
import { pngSize } from "./support/pngSize.ts";
import { PLATFORM_IDS } from "./setup/seedAnalyses.ts";

let browser: TestBrowser;

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser.close();
});

/** A contribution as the page writes it: four decimals, a true minus sign. */
function shown(value: number): string {
  const text = Math.abs(value).toFixed(4);
  return value < 0 && Number(text) !== 0 ? `−${text}` : text;
}

async function contribution(token: string, component: string) {
  const [row] = await sql<{ raw: number; centered: number; rough: number }>(
    `SELECT c.raw, c.centered, c.rough
       FROM contribution c JOIN analysis_target t ON t.id = c.target_id
      WHERE t.analysis_id = $1 AND t.token = $2 AND c.component = $3`,
    [seeded("Steve").id, token, component],
  );
  if (!row) throw new Error(`no contribution of ${component} to ${token}`);
  return row;
}

async function openSteve(): Promise<Page> {
  const page = await browser.context.newPage();
  const response = await page.goto(`${dashboardUrl()}/analyses/${seeded("Steve").id}`);
  expect(response?.status()).toBe(200);
  return page;
}

describe("an analysis page", () => {
  it("shows the prompt, its tokens, the predictions and who asked, by name only", async () => {
    const page = await openSteve();
    const targets = await sql<{ token: string }>(
      "SELECT token FROM analysis_target WHERE analysis_id = $1 ORDER BY position",
      [seeded("Steve").id],
    );
    const [analysis] = await sql<{ prompt_tokens: string[] }>(
      "SELECT prompt_tokens FROM analysis WHERE id = $1",
      [seeded("Steve").id],
    );

    expect(await page.locator("h1 q").textContent()).toBe("Steve");
    expect(await page.locator("ol.tokens li").allTextContents()).toEqual(
      (analysis?.prompt_tokens ?? []).map((token) => JSON.stringify(token)),
    );
    expect(
      await page
        .locator("table")
        .first()
        .locator("tbody tr td:nth-child(2) .token")
        .allTextContents(),
    ).toEqual(targets.map((t) => JSON.stringify(t.token)));
    expect(await page.locator("dl.facts").textContent()).toContain("on Discord by Ada");
    const html = await page.content();
    for (const id of PLATFORM_IDS) expect(html).not.toContain(id);
    await page.screenshot({ path: `${testOutput}analysis.png`, fullPage: true });
    await page.close();
  });

  it("gives a bar's exact numbers on hover and switches method and measure", async () => {
    const page = await openSteve();
    const readout = page.locator(".readout");
    const finalMlp = await contribution(" Jobs", "L29.mlp");
    const firstAttention = await contribution(" Jobs", "L0.attn");

    await page.locator('rect[data-component="L0.attn"]').hover();
    expect(await readout.textContent()).toContain("L0.attn");
    expect(await readout.textContent()).toContain(
      `contribution ${shown(firstAttention.raw)}`,
    );
    await page.locator('rect[data-component="L29.mlp"]').hover();
    expect(await readout.textContent()).toContain(`contribution ${shown(finalMlp.raw)}`);

    await page.getByLabel("Centered logit").check();
    await page.locator('rect[data-component="L29.mlp"]').hover();
    expect(await readout.textContent()).toContain(
      `contribution ${shown(finalMlp.centered)}`,
    );
    await page.getByLabel("Rough method").check();
    await page.locator('rect[data-component="L29.mlp"]').hover();
    expect(await readout.textContent()).toContain(
      `contribution ${shown(finalMlp.rough)}`,
    );
    await page.getByLabel("Absolute share").check();
    expect(await page.locator(".chart-frame svg").getAttribute("aria-label")).toMatch(
      /^Absolute share/,
    );
    await page.close();
  });

  it("reads bars with the arrow keys", async () => {
    const page = await openSteve();
    await page.locator(".chart-frame svg").focus();
    await page.keyboard.press("Home");
    expect(await page.locator(".readout strong").textContent()).toBe("embed");
    await page.keyboard.press("ArrowRight");
    expect(await page.locator(".readout strong").textContent()).toBe("L0.attn");
    await page.close();
  });

  it("unfurls with a title, a description and a 1200×630 PNG chart", async () => {
    const page = await openSteve();
    const meta = (property: string) =>
      page
        .locator(`meta[property="${property}"], meta[name="${property}"]`)
        .first()
        .getAttribute("content");
    const imageUrl = (await meta("og:image")) ?? "";

    expect(await meta("og:title")).toContain('After "Steve"');
    expect(await meta("og:description")).toMatch(/final MLP \(L29\.mlp\)/);
    expect(await meta("twitter:card")).toBe("summary_large_image");
    expect(
      imageUrl.startsWith(
        `${dashboardUrl()}/analyses/${seeded("Steve").id}/opengraph-image`,
      ),
    ).toBe(true);
    const image = await fetch(imageUrl);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await image.arrayBuffer());
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    await writeFile(`${testOutput}og-image.png`, png);
    await page.close();
  });

  it("draws the preview of a prompt with emoji and CJK without reaching out for fonts", async () => {
    const id = seeded("Emoji 🙂 and 日本語 in a prompt").id;
    const started = Date.now();
    const image = await fetchDashboard(`/analyses/${id}/opengraph-image`);

    expect(image.status).toBe(200);
    const png = Buffer.from(await image.arrayBuffer());
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    await writeFile(`${testOutput}og-image-emoji.png`, png);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("answers an unknown or malformed id with a 404 page", async () => {
    const unknown = randomUUID();
    for (const path of [
      `/analyses/${unknown}`,
      "/analyses/not-an-analysis",
      "/analyses/%3Cscript%3E",
      `/analyses/${unknown}/opengraph-image`,
    ]) {
      const response = await fetchDashboard(path);
      expect(response.status, path).toBe(404);
    }
    const page = await browser.context.newPage();
    const response = await page.goto(`${dashboardUrl()}/analyses/12345`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Not found");
    await page.close();
  });

  it("fits a phone's width, the chart scrolling on its own", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${dashboardUrl()}/analyses/${seeded("Steve").id}`);

    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.screenshot({ path: `${testOutput}analysis-mobile.png`, fullPage: true });
    await page.close();
  });
});
