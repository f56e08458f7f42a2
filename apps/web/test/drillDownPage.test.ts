/**
 * An analysis stored with heads, neurons and the logit lens (as the worker
 * makes them) shows them at its permalink, with the numbers the database
 * holds for it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type TestBrowser, openBrowser } from "./support/browser.ts";
import { dashboardUrl, seeded, sql } from "./support/dashboard.ts";
import { testOutput } from "./support/paths.ts";

let browser: TestBrowser;

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser.close();
});

interface StoredDetail {
  heads: { targets: { token: string; values: number[][] }[] };
  neurons: {
    targets: { token: string; top: { positive: { layer: number; neuron: number }[] } }[];
  };
  lens: { depths: { label: string; topToken: string }[] };
}

describe("heads, neurons and the lens at a permalink", () => {
  it("draws the stored head matrix, top neurons and lens of the focused target", async () => {
    const [row] = await sql<{ detail: StoredDetail | null }>(
      "SELECT detail FROM analysis WHERE id = $1",
      [seeded("Steve").id],
    );
    const detail = row?.detail;
    expect(detail).toBeTruthy();
    if (!detail) return;
    const jobs = detail.heads.targets.find((t) => t.token === " Jobs");
    const neurons = detail.neurons.targets.find((t) => t.token === " Jobs");
    expect(jobs).toBeDefined();
    expect(neurons).toBeDefined();
    const [layer, head, value] = strongestHead(jobs?.values ?? []);

    const page = await browser.context.newPage();
    await page.goto(`${dashboardUrl()}/analyses/${seeded("Steve").id}`);
    await expect.poll(() => page.getByText("Inside the layers").count()).toBe(1);

    const cellTitles = await page.locator("svg title").allTextContents();
    const text = Math.abs(value).toFixed(4);
    expect(cellTitles).toContain(`L${layer}.H${head}: ${value < 0 ? "−" : ""}${text}`);
    const best = neurons?.top.positive[0];
    expect(
      await page.getByText(`L${best?.layer}.N${best?.neuron}`).count(),
    ).toBeGreaterThan(0);

    await page.getByText("Logit lens: the prediction layer by layer").click();
    const rows = page
      .locator("details", { hasText: "Logit lens: the prediction layer by layer" })
      .locator("table tbody tr");
    expect(await rows.count()).toBe(detail.lens.depths.length);
    expect(await rows.first().locator("th").textContent()).toBe(
      detail.lens.depths[0]?.label,
    );
    await page.screenshot({ path: `${testOutput}drill-down.png`, fullPage: true });
    await page.close();
  });
});

/** The head with the largest |value|: layer, head, value. */
function strongestHead(values: number[][]): [number, number, number] {
  let best: [number, number, number] = [0, 0, 0];
  values.forEach((row, layer) =>
    row.forEach((value, head) => {
      if (Math.abs(value) > Math.abs(best[2])) best = [layer, head, value];
    }),
  );
  return best;
}
