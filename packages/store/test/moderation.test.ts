/**
 * Moderation: hiding, deleting, an author deleting their own analysis,
 * blocks, servers that keep their analyses off the dashboard, the audit
 * log, retention and one user's data. Expected states are read back with
 * SQL, not through the store.
 */
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createDashboardStore,
  createStore,
  isStoreError,
  type Requester,
} from "../src/index.ts";
import { finalMlpResult } from "./fixtures/finalMlpResult.ts";
import { deleteRows, sql, TEST_DATABASE_URL } from "./support/testDatabase.ts";

const store = createStore({ databaseUrl: TEST_DATABASE_URL });
const dashboard = createDashboardStore({ databaseUrl: TEST_DATABASE_URL });
const model = `moderation-${randomUUID().slice(0, 8)}`;
const marker = `modcheck${Date.now().toString(36)}`;
const run = randomUUID().slice(0, 8);
const created: string[] = [];

const author: Requester = {
  platform: "discord",
  serverId: `guild-${run}`,
  channelId: `channel-${run}`,
  userId: `user-${run}`,
  displayName: "Ada",
};

async function save(text: string, requester: Requester = author): Promise<string> {
  const result = finalMlpResult({
    model,
    tiedEmbeddings: true,
    text: `${marker} ${text}`,
    finalMlp: 1,
  });
  const stored = await store.saveAnalysis(result, requester);
  created.push(stored.id);
  return stored.id;
}

async function rowsOf(id: string) {
  const [row] = await sql<{ analyses: number; targets: number; contributions: number }>(
    `SELECT (SELECT count(*)::int FROM analysis WHERE id = $1) AS analyses,
            (SELECT count(*)::int FROM analysis_target WHERE analysis_id = $1) AS targets,
            (SELECT count(*)::int FROM contribution c
               JOIN analysis_target t ON t.id = c.target_id
              WHERE t.analysis_id = $1) AS contributions`,
    [id],
  );
  return row;
}

async function auditOf(subject: string) {
  return sql<{ actor: string; action: string; detail: string | null }>(
    "SELECT actor, action, detail FROM audit_entry WHERE subject = $1 ORDER BY id",
    [subject],
  );
}

async function listed(): Promise<string[]> {
  const page = await dashboard.browseAnalyses({ search: marker, pageSize: 100 });
  return page.items.map((item) => item.id);
}

async function publicStatisticsCount(): Promise<number> {
  const statistics = await dashboard.readStatistics({ models: [model] });
  return statistics.overall.finalMlpShare.analysisCount;
}

async function storeCode(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return isStoreError(error) ? error.code : "not a StoreError";
  }
}

beforeAll(async () => {
  await sql("DELETE FROM unpublished_server WHERE server_id LIKE $1", [`%${run}`]);
});

afterAll(async () => {
  await deleteRows(created, [model]);
  await sql("DELETE FROM blocked_requester WHERE subject_id LIKE $1", [`%${run}`]);
  await sql("DELETE FROM unpublished_server WHERE server_id LIKE $1", [`%${run}`]);
  await Promise.all([store.close(), dashboard.close()]);
});

describe("hiding an analysis", () => {
  it("takes it off the list, the page and the statistics, and back on unhide", async () => {
    const id = await save("hide me");
    const before = await publicStatisticsCount();

    await store.hideAnalysis(id, "discord:op1");

    expect(await listed()).not.toContain(id);
    expect(await storeCode(dashboard.findAnalysis(id))).toBe("NOT_FOUND");
    expect(await publicStatisticsCount()).toBe(before - 1);
    expect((await store.findAnalysis(id)).hiddenAt).toBeInstanceOf(Date);

    await store.unhideAnalysis(id, "web:ops@example.org");

    expect(await listed()).toContain(id);
    expect((await dashboard.findAnalysis(id)).id).toBe(id);
    expect(await auditOf(id)).toEqual([
      { actor: "discord:op1", action: "analysis.hide", detail: null },
      { actor: "web:ops@example.org", action: "analysis.unhide", detail: null },
    ]);
  });

  it("refuses to hide twice or unhide what is shown, and changes nothing", async () => {
    const id = await save("hide twice");
    await store.hideAnalysis(id, "discord:op1");

    expect(await storeCode(store.hideAnalysis(id, "discord:op1"))).toBe("CONFLICT");
    await store.unhideAnalysis(id, "discord:op1");
    expect(await storeCode(store.unhideAnalysis(id, "discord:op1"))).toBe("CONFLICT");
    expect((await auditOf(id)).map((entry) => entry.action)).toEqual([
      "analysis.hide",
      "analysis.unhide",
    ]);
  });

  it("does not reuse a hidden answer for the same question", async () => {
    const id = await save("reuse hidden");
    const stored = await store.findAnalysis(id);
    const question = {
      model,
      text: stored.result.prompt.text,
      k: stored.k,
      targets: stored.namedTargets,
    };
    expect((await store.findReusableAnalysis(question, 60_000))?.id).toBe(id);

    await store.hideAnalysis(id, "discord:op1");

    expect(await store.findReusableAnalysis(question, 60_000)).toBeNull();
  });
});

describe("deleting an analysis", () => {
  it("removes its row, targets and contributions, leaving one audit line", async () => {
    const id = await save("delete me");
    expect((await rowsOf(id))?.contributions).toBeGreaterThan(0);

    await store.deleteAnalysis(id, "slack:U0OPERATOR");

    expect(await rowsOf(id)).toEqual({ analyses: 0, targets: 0, contributions: 0 });
    expect(await auditOf(id)).toEqual([
      { actor: "slack:U0OPERATOR", action: "analysis.delete", detail: null },
    ]);
  });

  it("answers NOT_FOUND for a second delete and for an id that never existed", async () => {
    const id = await save("delete twice");
    await store.deleteAnalysis(id, "discord:op1");

    expect(await storeCode(store.deleteAnalysis(id, "discord:op1"))).toBe("NOT_FOUND");
    expect(await storeCode(store.deleteAnalysis(randomUUID(), "discord:op1"))).toBe(
      "NOT_FOUND",
    );
    expect(await storeCode(store.hideAnalysis("not-an-id", "discord:op1"))).toBe(
      "INVALID_INPUT",
    );
    expect(await auditOf(id)).toHaveLength(1);
  });

  it("lets the author delete their own and refuses anyone else", async () => {
    const id = await save("author deletes");

    const stranger = { platform: "discord" as const, userId: `stranger-${run}` };
    expect(await storeCode(store.deleteOwnAnalysis(id, stranger))).toBe("FORBIDDEN");
    const sameIdOtherPlatform = { platform: "slack" as const, userId: `user-${run}` };
    expect(await storeCode(store.deleteOwnAnalysis(id, sameIdOtherPlatform))).toBe(
      "FORBIDDEN",
    );
    expect((await rowsOf(id))?.analyses).toBe(1);

    await store.deleteOwnAnalysis(id, { platform: "discord", userId: `user-${run}` });

    expect((await rowsOf(id))?.analyses).toBe(0);
    expect(await auditOf(id)).toEqual([
      {
        actor: `discord:user-${run}`,
        action: "analysis.delete",
        detail: "by its author",
      },
    ]);
  });
});

describe("blocking users and servers", () => {
  it("finds the block of a user or of their server, and lifts it", async () => {
    const requester = {
      platform: "slack" as const,
      userId: `U-${run}`,
      serverId: `T-${run}`,
    };
    expect(await store.findBlock(requester)).toBeNull();

    await store.blockRequester(
      { platform: "slack", kind: "server", subjectId: `T-${run}` },
      "discord:op1",
      "spam",
    );

    expect(await store.findBlock(requester)).toMatchObject({ kind: "server" });
    expect(
      await storeCode(
        store.blockRequester(
          { platform: "slack", kind: "server", subjectId: `T-${run}` },
          "discord:op1",
        ),
      ),
    ).toBe("CONFLICT");

    await store.unblockRequester(
      { platform: "slack", kind: "server", subjectId: `T-${run}` },
      "discord:op1",
    );

    expect(await store.findBlock(requester)).toBeNull();
    expect(
      await storeCode(
        store.unblockRequester(
          { platform: "slack", kind: "server", subjectId: `T-${run}` },
          "discord:op1",
        ),
      ),
    ).toBe("NOT_FOUND");
    expect((await auditOf(`slack:server:T-${run}`)).map((e) => e.action)).toEqual([
      "requester.block",
      "requester.unblock",
    ]);
  });
});

describe("a server that keeps its analyses off the dashboard", () => {
  it("hides everything it asked from public reads and shows it again on opt-in", async () => {
    const server = { platform: "discord" as const, serverId: `private-${run}` };
    const id = await save("private server", { ...author, serverId: server.serverId });
    expect(await listed()).toContain(id);

    expect(await store.setServerPublishing(server, false, "discord:op1")).toBe(true);
    expect(await store.setServerPublishing(server, false, "discord:op1")).toBe(false);

    expect(await listed()).not.toContain(id);
    expect(await storeCode(dashboard.findAnalysis(id))).toBe("NOT_FOUND");
    expect(await store.isServerPublished(server)).toBe(false);
    expect((await store.findAnalysis(id)).id).toBe(id);

    await store.setServerPublishing(server, true, "discord:op1");

    expect(await listed()).toContain(id);
  });
});

describe("retention", () => {
  it("deletes analyses older than the period, and nothing younger", async () => {
    const old = await save("old");
    const young = await save("young");
    await sql(
      "UPDATE analysis SET created_at = now() - interval '40 days' WHERE id = $1",
      [old],
    );

    const deleted = await store.deleteExpiredAnalyses(30);

    expect(deleted).toBeGreaterThanOrEqual(1);
    expect((await rowsOf(old))?.analyses).toBe(0);
    expect((await rowsOf(young))?.analyses).toBe(1);
    expect(await storeCode(store.deleteExpiredAnalyses(0))).toBe("INVALID_INPUT");
  });
});

describe("one user's data", () => {
  it("exports every analysis the user asked, then deletes them all", async () => {
    const user = { ...author, userId: `export-${run}` };
    const first = await save("export one", user);
    const second = await save("export two", user);
    const other = await save("someone else's");

    const exported = await store.exportUserData({
      platform: "discord",
      userId: `export-${run}`,
    });
    expect(exported.map((analysis) => analysis.id).sort()).toEqual(
      [first, second].sort(),
    );

    const deleted = await store.deleteUserData(
      { platform: "discord", userId: `export-${run}` },
      "cli",
    );

    expect(deleted).toBe(2);
    expect((await rowsOf(first))?.analyses).toBe(0);
    expect((await rowsOf(other))?.analyses).toBe(1);
    expect(await auditOf(`discord:user:export-${run}`)).toEqual([
      { actor: "cli", action: "user.delete_data", detail: "2 analyses deleted" },
    ]);
  });
});
