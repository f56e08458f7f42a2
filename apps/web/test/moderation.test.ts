/**
 * An operator signs in and hides, unhides and deletes an analysis in a real
 * browser; each step reaches every public surface (list, page, preview
 * images, JSON, CSV, statistics) at once and is in the audit log. Bad
 * input (deleting twice, ids that do not exist) changes nothing and says why.
 */
import { writeFile } from "node:fs/promises";

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { copyOfSteve, removeCopies } from "./support/analysisCopies.ts";
import { type TestBrowser, openBrowser } from "./support/browser.ts";
import { dashboardUrl, fetchDashboard, sql } from "./support/dashboard.ts";
import { accounts, adminPost, csrfOf, signIn } from "./support/operatorSession.ts";
import { testOutput } from "./support/paths.ts";
import {
  expectGoneFromPublic,
  expectPublic,
  publicStatisticsCount,
} from "./support/publicSurfaces.ts";

let browser: TestBrowser;
const copies: string[] = [];

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser.close();
  await removeCopies(copies);
});

async function signInWithBrowser(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${dashboardUrl()}/admin`);
  expect(new URL(page.url()).pathname).toBe("/admin/sign-in");
  await page.getByLabel("Email").fill(accounts().operator.email);
  await page.getByLabel("Password").fill(accounts().operator.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${dashboardUrl()}/admin`);
  return page;
}

async function press(page: Page, id: string, button: string): Promise<string> {
  await page.goto(`${dashboardUrl()}/admin`);
  await page
    .locator(`tr[data-analysis-id="${id}"]`)
    .getByRole("button", { name: button })
    .click();
  await page.waitForLoadState("load");
  return page.getByRole("status").first().innerText();
}

describe("an operator in the browser", () => {
  it("signs in, hides, unhides and deletes an analysis, all audited", async () => {
    const copy = await copyOfSteve({ platform: "web", displayName: "Mallory" });
    copies.push(copy.id);
    await expectPublic(copy.id, copy.text);
    const counted = await publicStatisticsCount();
    const page = await signInWithBrowser();

    const cookies = await browser.context.cookies(dashboardUrl());
    const session = cookies.find((cookie) => cookie.name === "attrib.session_token");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    expect(await press(page, copy.id, "Hide")).toContain("is hidden from the public");
    await expectGoneFromPublic(copy.id, copy.text);
    expect(await publicStatisticsCount()).toBe(counted - 1);

    expect(await press(page, copy.id, "Unhide")).toContain("is public again");
    await expectPublic(copy.id, copy.text);

    expect(await press(page, copy.id, "Delete")).toContain("deleted from the database");
    await expectGoneFromPublic(copy.id, copy.text);
    const rows = await sql(
      `SELECT (SELECT count(*)::int FROM analysis WHERE id = $1) AS analyses,
              (SELECT count(*)::int FROM analysis_target WHERE analysis_id = $1) AS targets`,
      [copy.id],
    );
    expect(rows).toEqual([{ analyses: 0, targets: 0 }]);

    await page.goto(`${dashboardUrl()}/admin/audit`);
    const audit = await page.locator("table tbody tr").allInnerTexts();
    const ours = audit.filter((line) => line.includes(copy.id));
    expect(ours.map((line) => line.split("\t").slice(1, 3).join(" "))).toEqual([
      "web:ops@example.org analysis.delete",
      "web:ops@example.org analysis.unhide",
      "web:ops@example.org analysis.hide",
    ]);
    await writeFile(
      `${testOutput}admin-audit.png`,
      await page.screenshot({ fullPage: true }),
    );

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/admin\/sign-in/);
    await page.goto(`${dashboardUrl()}/admin`);
    expect(new URL(page.url()).pathname).toBe("/admin/sign-in");
    await page.close();
  });

  it("deleted analyses' preview images are gone, and live ones cache a minute at most", async () => {
    const copy = await copyOfSteve({ platform: "web" });
    copies.push(copy.id);
    const live = await fetchDashboard(`/analyses/${copy.id}/opengraph-image`);
    expect(live.headers.get("cache-control")).toBe("public, max-age=60");

    const cookie = await signIn(accounts().operator);
    const csrf = await csrfOf(cookie);
    await adminPost(`/api/admin/analyses/${copy.id}/delete`, {
      cookie,
      fields: { csrf },
    });

    const gone = await fetchDashboard(`/analyses/${copy.id}/opengraph-image`);
    expect(gone.status).toBe(404);
    expect(gone.headers.get("cache-control") ?? "").not.toMatch(/max-age=[1-9]/);
  });
});

describe("bad admin input changes nothing and says why", () => {
  let cookie = "";
  let csrf = "";

  beforeAll(async () => {
    cookie = await signIn(accounts().operator);
    csrf = await csrfOf(cookie);
  });

  async function attempt(path: string): Promise<string> {
    const response = await adminPost(path, { cookie, fields: { csrf } });
    expect(response.status).toBe(303);
    return (
      new URL(response.headers.get("location") ?? "").searchParams.get("error") ?? ""
    );
  }

  it("refuses deleting twice and ids that do not exist", async () => {
    const copy = await copyOfSteve({ platform: "web" });
    copies.push(copy.id);
    await adminPost(`/api/admin/analyses/${copy.id}/delete`, {
      cookie,
      fields: { csrf },
    });
    const audited = await sql("SELECT id FROM audit_entry");

    expect(await attempt(`/api/admin/analyses/${copy.id}/delete`)).toBe(
      `there is no analysis ${copy.id}; it may have been deleted already. Nothing was changed.`,
    );
    expect(
      await attempt("/api/admin/analyses/0192f3a4-5b6c-7d8e-9f01-23456789abcd/hide"),
    ).toContain("there is no analysis");
    expect(await attempt("/api/admin/analyses/not-an-id/delete")).toContain(
      "is not an analysis id",
    );
    expect(await sql("SELECT id FROM audit_entry")).toEqual(audited);
  });

  it("refuses hiding what is hidden", async () => {
    const copy = await copyOfSteve({ platform: "web" });
    copies.push(copy.id);
    await adminPost(`/api/admin/analyses/${copy.id}/hide`, { cookie, fields: { csrf } });

    expect(await attempt(`/api/admin/analyses/${copy.id}/hide`)).toContain(
      "is hidden already",
    );
  });
});

describe("a server that keeps its analyses off the dashboard", () => {
  it("disappears from public surfaces when an operator switches it off", async () => {
    const server = "910000000000000001";
    const copy = await copyOfSteve({
      platform: "discord",
      serverId: server,
      channelId: "920000000000000001",
      userId: "930000000000000001",
      displayName: "Quiet",
    });
    copies.push(copy.id);
    const cookie = await signIn(accounts().operator);
    const csrf = await csrfOf(cookie);
    const publish = (state: "on" | "off") =>
      adminPost("/api/admin/servers", {
        cookie,
        fields: {
          csrf,
          platform: "discord",
          server,
          publish: state,
          return: "/admin/access",
        },
      });

    await publish("off");
    await expectGoneFromPublic(copy.id, copy.text);
    const admin = await fetchDashboard("/admin", { headers: { cookie } });
    expect(await admin.text()).toContain("server keeps it private");

    await publish("on");
    await expectPublic(copy.id, copy.text);
  });
});
