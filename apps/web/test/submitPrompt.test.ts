/**
 * Submitting a prompt from the web: through the form to the real queue and
 * worker and back to its analysis page; the size and rate limits; the JSON
 * API's submission and status.
 */
import { randomUUID } from "node:crypto";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { type TestBrowser, openBrowser } from "./support/browser.ts";
import { dashboardUrl, fetchDashboard, sql } from "./support/dashboard.ts";
import { testOutput } from "./support/paths.ts";
import { TEST_RATE_LIMIT } from "./support/webServices.ts";
import { RECENT_PROMPT } from "./setup/seedAnalyses.ts";

let browser: TestBrowser;

beforeAll(async () => {
  browser = await openBrowser();
});

afterEach(async () => {
  await browser.context.setExtraHTTPHeaders({});
});

afterAll(async () => {
  await browser.close();
});

/** Each test submits as a client of its own, so rate limits do not carry over. */
async function actAsClient(): Promise<string> {
  const address = `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID()}`;
  await browser.context.setExtraHTTPHeaders({ "x-forwarded-for": address });
  return address;
}

describe("submitting a prompt", () => {
  it("queues it like the bot does and shows its analysis once the worker has stored it", async () => {
    await actAsClient();
    const text = `The web test ${randomUUID().slice(0, 8)} says`;
    const page = await browser.context.newPage();
    await page.goto(`${dashboardUrl()}/submit`);
    await page.screenshot({ path: `${testOutput}submit.png`, fullPage: true });
    await page.getByLabel("Text").fill(text);
    await page.getByLabel("Top tokens (k)").fill("3");
    await page.getByRole("button", { name: "Analyse" }).click();
    await page.waitForURL(/\/analyses\/[0-9a-f-]{36}$/, { timeout: 60_000 });

    expect(await page.locator("h1 q").textContent()).toBe(text);
    const id = page.url().split("/").at(-1);
    const [row] = await sql<{ platform: string; user_id: string | null; k: number }>(
      "SELECT platform::text AS platform, user_id, k FROM analysis WHERE id = $1",
      [id],
    );
    expect(row).toEqual({ platform: "web", user_id: null, k: 3 });
    await page.goto(`${dashboardUrl()}/`);
    expect(await page.locator("td.prompt-cell a").first().textContent()).toBe(text);
    await page.close();
  });

  it("says on the form when the text is too long, keeping what was typed", async () => {
    await actAsClient();
    const text = "a".repeat(501);
    const page = await browser.context.newPage();
    await page.goto(`${dashboardUrl()}/submit`);
    await page.getByLabel("Text").fill(text);
    await page.getByRole("button", { name: "Analyse" }).click();
    const error = page.locator("#text-error");
    await error.waitFor();

    expect(await error.textContent()).toBe(
      "The text is 501 characters long; at most 500 are accepted. Shorten it and try again.",
    );
    expect(await page.getByLabel("Text").inputValue()).toBe(text);
    expect(new URL(page.url()).pathname).toBe("/submit");
    await page.close();
  });

  it("says on the form when a client is over the rate limit, and how long to wait", async () => {
    const client = await actAsClient();
    // The question of an analysis stored just now: answered from the store,
    // so nothing is queued, but each one counts against the limit.
    for (let i = 0; i < TEST_RATE_LIMIT; i++) {
      const response = await fetchDashboard("/api/analyses", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": client },
        body: JSON.stringify({ text: RECENT_PROMPT, k: 5 }),
      });
      expect(response.status).toBe(200);
    }
    const page = await browser.context.newPage();
    await page.goto(`${dashboardUrl()}/submit`);
    await page.getByLabel("Text").fill("One more");
    await page.getByRole("button", { name: "Analyse" }).click();
    const error = page.locator("#form-error");
    await error.waitFor();

    expect(await error.textContent()).toMatch(
      new RegExp(`limit of ${TEST_RATE_LIMIT} analyses per 600 s\\. Please wait \\d+ s`),
    );
    expect(await page.getByLabel("Text").inputValue()).toBe("One more");
    await page.close();
    const api = await fetchDashboard("/api/analyses", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": client },
      body: JSON.stringify({ text: "One more" }),
    });
    expect(api.status).toBe(429);
    expect(Number(api.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("queues through the JSON API and reports the job until the analysis is stored", async () => {
    const client = `203.0.113.9-${randomUUID()}`;
    const text = `The JSON test ${randomUUID().slice(0, 8)} is`;
    const queued = await fetchDashboard("/api/analyses", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": client },
      body: JSON.stringify({ text, k: 2 }),
    });
    expect(queued.status).toBe(202);
    const { status } = (await queued.json()) as { status: string };

    let state: { state: string; analysisId?: string } = { state: "waiting" };
    const deadline = Date.now() + 60_000;
    while (state.state !== "completed" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      state = (await (await fetch(status)).json()) as typeof state;
      expect(state.state).not.toBe("failed");
    }
    const analysis = await fetchDashboard(`/api/analyses/${state.analysisId ?? ""}`);
    const body = (await analysis.json()) as {
      result: { prompt: { text: string } };
      asked: object;
    };
    expect(body.result.prompt.text).toBe(text);
    expect(body.asked).toEqual({ platform: "web", displayName: null });
  });

  it("refuses a k or model out of range with what is accepted", async () => {
    const client = `203.0.113.10-${randomUUID()}`;
    const response = await fetchDashboard("/api/analyses", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": client },
      body: JSON.stringify({ text: "Steve", k: 21, model: "gpt-9" }),
    });
    const body = (await response.json()) as { error: { code: string; fields: object } };

    expect(response.status).toBe(400);
    expect(body.error.code).toBe("INVALID_INPUT");
    expect(body.error.fields).toEqual({
      k: 'k must be a whole number from 1 to 20 (how many top tokens to attribute); you gave "21".',
      model: expect.stringMatching(
        /^Unknown model "gpt-9"\. Installed models: .*smollm2-135m-instruct/,
      ) as unknown,
    });
  });
});
