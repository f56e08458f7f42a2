import { finalMlpIndex, shareOf } from "@attrib/core";
import { afterAll, describe, expect, it } from "vitest";

import { createStore, isStoreError, type Requester } from "../src/index.ts";
import { attributionResult } from "./fixtures/attributionResult.ts";
import { deleteRows, sql, TEST_DATABASE_URL } from "./support/testDatabase.ts";

const store = createStore({ databaseUrl: TEST_DATABASE_URL });
const created: string[] = [];
const models: string[] = [];

const discordUser: Requester = {
  platform: "discord",
  serverId: "1093847562012345678",
  channelId: "1093847562098765432",
  userId: "284756102938475610",
  displayName: "Ada 🧪",
};

async function save(...args: Parameters<typeof store.saveAnalysis>) {
  const stored = await store.saveAnalysis(...args);
  created.push(stored.id);
  models.push(args[0].model.name);
  return stored;
}

afterAll(async () => {
  await deleteRows(created, models);
  await store.close();
});

describe("saving and reading an analysis", () => {
  it("reads back every number and string exactly as saved", async () => {
    const result = attributionResult();
    const saved = await save(result, discordUser);

    const found = await store.findAnalysis(saved.id);

    // toEqual compares numbers with Object.is: the 17th digit counts.
    expect(found.result).toEqual(result);
    expect(found.requester).toEqual(discordUser);
    expect(found.k).toBe(3);
    expect(found.namedTargets).toEqual([" Ballmer"]);
    expect(found.createdAt).toEqual(saved.createdAt);
  });

  it("keeps the shares core leaves out for a near-zero total left out", async () => {
    const result = attributionResult();
    const saved = await save(result, discordUser);

    const named = (await store.findAnalysis(saved.id)).result.targets[3];

    expect(named?.raw.signedShares).toBeNull();
    expect(named?.centered.signedShares).toBeNull();
    expect(named?.rough.signedShares).not.toBeNull();
  });

  it("stores one contribution row per target and component, queryable in SQL", async () => {
    const result = attributionResult();
    const saved = await save(result, discordUser);

    const rows = await sql<{ share: number; n: string }>(
      `SELECT c.raw / t.raw_total AS share,
              (SELECT count(*) FROM contribution c2
                 JOIN analysis_target t2 ON t2.id = c2.target_id
                WHERE t2.analysis_id = a.id) AS n
         FROM contribution c
         JOIN analysis_target t ON t.id = c.target_id
         JOIN analysis a ON a.id = t.analysis_id
         JOIN installed_model m ON m.id = a.model_id
        WHERE a.id = $1 AND t.rank = 1 AND t.raw_has_signed_shares
          AND c.kind = 'mlp' AND c.layer = m.n_layers - 1`,
      [saved.id],
    );

    const top = result.targets[0];
    if (!top) throw new Error("fixture has no targets");
    const expected = shareOf(top.raw, finalMlpIndex(result)).signedShare;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.share).toBe(expected);
    expect(Number(rows[0]?.n)).toBe(result.targets.length * result.components.length);
  });

  it("keeps a prompt with HTML, emoji, quotes and newlines as text", async () => {
    const text =
      '<script>alert("hi")</script> & <b>bold</b>\n' +
      "Steve 🧑‍💻 Jobs 👋🏽 — naïve café\r\n\ttabbed 'quotes' \\ backslash %_";
    const result = attributionResult({ text });
    result.prompt.tokens = ["<b>", "🧑‍💻", "\n", "'"];
    result.prompt.tokenIds = [27, 9468, 198, 6];
    const saved = await save(result, { platform: "web", displayName: "<i>Eve</i>" });

    const found = await store.findAnalysis(saved.id);

    expect(found.result.prompt).toEqual(result.prompt);
    expect(found.requester.displayName).toBe("<i>Eve</i>");
    const [row] = await sql<{ prompt_text: string }>(
      "SELECT prompt_text FROM analysis WHERE id = $1",
      [saved.id],
    );
    expect(row?.prompt_text).toBe(text);
  });

  it("refuses text PostgreSQL cannot hold and says which field", async () => {
    const result = attributionResult({ text: "Steve\u0000Jobs" });

    const error: unknown = await store
      .saveAnalysis(result, discordUser)
      .catch((e: unknown) => e);

    expect(isStoreError(error, "INVALID_INPUT")).toBe(true);
    expect((error as Error).message).toMatch(/prompt\.text contains a NUL character/);
  });

  it("refuses shares that do not follow from the values, since only values are stored", async () => {
    const result = attributionResult();
    const top = result.targets[0];
    if (!top) throw new Error("fixture has no targets");
    top.raw.absoluteShares[2] = 0.5;

    await expect(store.saveAnalysis(result, discordUser)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/targets\[0\]\.raw\.absoluteShares\[2\]/) as unknown,
    });
  });

  it("refuses a value count that does not match the components", async () => {
    const result = attributionResult();
    result.targets[1]?.centered.values.pop();

    await expect(store.saveAnalysis(result, discordUser)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(
        /targets\[1\]\.centered\.values has 8 values but there are 9/,
      ) as unknown,
    });
  });

  it("says NOT_FOUND for an id nobody saved and INVALID_INPUT for a malformed one", async () => {
    await expect(
      store.findAnalysis("0192f3a4-5b6c-7d8e-9f01-23456789abcd"),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(store.findAnalysis("../etc/passwd")).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});
