/**
 * An author deletes their own analysis on the dashboard with the signed,
 * expiring link the bot gave them; links for someone else, expired ones,
 * second uses and cross-site posts are refused and change nothing.
 */
import { signDeletionToken } from "@attrib/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { copyOfSteve, removeCopies } from "./support/analysisCopies.ts";
import { type TestBrowser, openBrowser } from "./support/browser.ts";
import { dashboardUrl, fetchDashboard, sql } from "./support/dashboard.ts";
import { expectGoneFromPublic } from "./support/publicSurfaces.ts";
import { TEST_DELETION_SECRET } from "./support/webServices.ts";

const AUTHOR = { platform: "discord", userId: "940000000000000001" };

let browser: TestBrowser;
const copies: string[] = [];

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser.close();
  await removeCopies(copies);
});

async function authoredCopy() {
  const copy = await copyOfSteve({
    platform: "discord",
    serverId: "950000000000000001",
    channelId: "960000000000000001",
    userId: AUTHOR.userId,
    displayName: "Author",
  });
  copies.push(copy.id);
  return copy;
}

async function exists(id: string): Promise<boolean> {
  return (await sql("SELECT 1 FROM analysis WHERE id = $1", [id])).length === 1;
}

async function pageText(token: string): Promise<string> {
  const response = await fetchDashboard(`/delete/${encodeURIComponent(token)}`);
  return response.text();
}

describe("an author's deletion link", () => {
  it("deletes the author's analysis after they confirm, and only then", async () => {
    const copy = await authoredCopy();
    const token = signDeletionToken(copy.id, AUTHOR, TEST_DELETION_SECRET);
    const page = await browser.context.newPage();

    await page.goto(`${dashboardUrl()}/delete/${encodeURIComponent(token)}`);
    expect(await exists(copy.id)).toBe(true);
    await page.getByRole("button", { name: "Delete it" }).click();
    await page.getByRole("heading", { name: "Deleted" }).waitFor();

    expect(await exists(copy.id)).toBe(false);
    await expectGoneFromPublic(copy.id, copy.text);
    expect(await pageText(token)).toContain("has been deleted");
    const audit = await sql<{ actor: string; detail: string }>(
      "SELECT actor, detail FROM audit_entry WHERE subject = $1",
      [copy.id],
    );
    expect(audit).toEqual([
      { actor: `discord:${AUTHOR.userId}`, detail: "by its author" },
    ]);
    await page.close();
  });

  it("refuses a link signed for someone else, an expired one and a cross-site post", async () => {
    const copy = await authoredCopy();
    const stranger = signDeletionToken(
      copy.id,
      { platform: "discord", userId: "970000000000000001" },
      TEST_DELETION_SECRET,
    );
    const expired = signDeletionToken(
      copy.id,
      AUTHOR,
      TEST_DELETION_SECRET,
      new Date(Date.now() - 2 * 86_400_000),
    );
    const forged = signDeletionToken(
      copy.id,
      AUTHOR,
      "another-secret-of-at-least-32-chars!!",
    );
    const valid = signDeletionToken(copy.id, AUTHOR, TEST_DELETION_SECRET);

    expect(await pageText(stranger)).toContain("was not issued to the author");
    expect(await pageText(forged)).toContain("was not issued to the author");
    expect(await pageText(expired)).toContain("This deletion link expired");
    expect(await pageText("not-a-token")).toContain("This is not a deletion link");

    const strangerPost = await fetchDashboard("/api/deletions", {
      method: "POST",
      headers: { origin: dashboardUrl() },
      body: new URLSearchParams({ token: stranger }),
    });
    expect(decodeURIComponent(strangerPost.headers.get("location") ?? "")).toContain(
      "was not issued to the author",
    );
    const crossSite = await fetchDashboard("/api/deletions", {
      method: "POST",
      headers: { origin: "http://attacker.invalid" },
      body: new URLSearchParams({ token: valid }),
    });
    expect(crossSite.status).toBe(403);
    expect(await exists(copy.id)).toBe(true);
  });
});
