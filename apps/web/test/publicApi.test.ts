/**
 * The JSON API and CSV export: what they give, and that no public response
 * carries a platform id.
 */
import { describe, expect, it } from "vitest";

import { fetchDashboard, seeded, sql } from "./support/dashboard.ts";
import { PLATFORM_IDS, SEED_PROMPTS } from "./setup/seedAnalyses.ts";

/** Every id a seed's requester carried, Slack's included. */
const SECRET_IDS = [
  ...PLATFORM_IDS,
  ...SEED_PROMPTS.flatMap((p) => [
    p.requester.userId,
    p.requester.serverId,
    p.requester.channelId,
  ]).filter((id): id is string => typeof id === "string" && id.length > 3),
];

/** Splits CSV into records, honouring quoted fields with commas and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const character = text[i];
    if (quoted && character === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (character === '"') {
      quoted = !quoted;
    } else if (!quoted && character === ",") {
      record.push(field);
      field = "";
    } else if (!quoted && character === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else if (quoted || character !== "\r") {
      field += character;
    }
  }
  return records;
}

describe("the JSON API and CSV export", () => {
  it("lists analyses as JSON, newest first, paging past the end to the last page", async () => {
    const total =
      (await sql<{ n: number }>("SELECT count(*)::int AS n FROM analysis"))[0]?.n ?? 0;
    const response = await fetchDashboard("/api/analyses?pageSize=2&page=999");
    const body = (await response.json()) as {
      total: number;
      page: number;
      pageCount: number;
    };

    expect(response.status).toBe(200);
    expect(body).toMatchObject({
      total,
      pageCount: Math.ceil(total / 2),
      page: Math.ceil(total / 2),
    });
  });

  it("gives one analysis as JSON, and 404 for an id that is none", async () => {
    const steve = await fetchDashboard(`/api/analyses/${seeded("Steve").id}`);
    const missing = await fetchDashboard(
      "/api/analyses/0192f3a4-5b6c-7d8e-9f01-23456789abcd",
    );
    const malformed = await fetchDashboard("/api/analyses/nope");

    expect(((await steve.json()) as { asked: object }).asked).toEqual({
      platform: "discord",
      displayName: "Ada",
    });
    expect(missing.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe(
      "NOT_FOUND",
    );
  });

  it("exports the filtered list and one analysis's contributions as CSV", async () => {
    const list = parseCsv(
      await (await fetchDashboard("/api/analyses.csv?platform=discord")).text(),
    );
    const discord = await sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM analysis WHERE platform = 'discord'",
    );
    const [rows] = await sql<{ n: number }>(
      `SELECT count(*)::int * 3 + count(*) FILTER (WHERE c.difference IS NOT NULL)::int AS n
         FROM contribution c JOIN analysis_target t ON t.id = c.target_id
        WHERE t.analysis_id = $1`,
      [seeded("Steve").id],
    );
    const contributions = parseCsv(
      await (
        await fetchDashboard(`/api/analyses/${seeded("Steve").id}/contributions.csv`)
      ).text(),
    );

    expect(list[0]?.slice(0, 3)).toEqual(["id", "permalink", "created_at"]);
    expect(list.length - 1).toBe(discord[0]?.n);
    expect(contributions.length - 1).toBe(rows?.n);
    const htmlRow = parseCsv(
      await (await fetchDashboard("/api/analyses.csv?platform=web")).text(),
    ).find((record) => record[6]?.includes("<script>"));
    expect(htmlRow?.[6]?.startsWith("<script>")).toBe(true);
  });

  it("never shows a platform user, server or channel id on a public route", async () => {
    const steve = seeded("Steve").id;
    const france = seeded("The capital of France is").id;
    for (const path of [
      "/",
      `/analyses/${steve}`,
      `/analyses/${france}`,
      "/api/analyses",
      `/api/analyses/${steve}`,
      `/api/analyses/${france}`,
      "/api/analyses.csv",
      `/api/analyses/${steve}/contributions.csv`,
      "/statistics",
      "/api/statistics",
    ]) {
      const text = await (await fetchDashboard(path)).text();
      for (const id of SECRET_IDS) expect(text, `${path} shows ${id}`).not.toContain(id);
    }
  });
});
