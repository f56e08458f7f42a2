/**
 * The parts of an analysis only some requests ask for (heads, neurons,
 * lens, ablations, a named logit difference) survive a save and a read;
 * study reports are published and the newest of a format is read back.
 */
import type { AttributionResult } from "@attrib/core";
import { afterAll, describe, expect, it } from "vitest";

import { createDashboardStore, createStore, isStoreError } from "../src/index.ts";
import { attributionResult } from "./fixtures/attributionResult.ts";
import { deleteRows, sql, TEST_DATABASE_URL } from "./support/testDatabase.ts";

const store = createStore({ databaseUrl: TEST_DATABASE_URL });
const dashboard = createDashboardStore({ databaseUrl: TEST_DATABASE_URL });
const created: string[] = [];
const models: string[] = [];
const requester = { platform: "cli", displayName: "detail test" } as const;

afterAll(async () => {
  await deleteRows(created, models);
  await sql("DELETE FROM study_report WHERE run LIKE 'test-run-%'");
  await store.close();
  await dashboard.close();
});

/** A result with every optional part, numbers that need all 64 bits included. */
function detailedResult(): AttributionResult {
  const result = attributionResult();
  const [top, second] = result.targets;
  if (!top || !second) throw new Error("the fixture has fewer than two targets");
  return {
    ...result,
    heads: {
      nHeads: 2,
      sumError: 3.0000000000000004e-7,
      targets: [
        {
          tokenId: top.tokenId,
          token: top.token,
          values: [
            [0.1 + 0.2, -1.5],
            [2.25, -0.0000123456789],
            [0, 1 / 3],
            [-7, 0.5],
          ],
          top: {
            positive: [{ layer: 1, head: 0, value: 2.25 }],
            negative: [{ layer: 3, head: 0, value: -7 }],
          },
          sumError: 3.0000000000000004e-7,
        },
      ],
    },
    neurons: {
      dMlp: 16,
      sumError: 1e-6,
      targets: [
        {
          tokenId: top.tokenId,
          token: top.token,
          top: {
            positive: [{ layer: 3, neuron: 11, activation: 4.125, value: 1 / 7 }],
            negative: [{ layer: 0, neuron: 2, activation: -0.5, value: -2 / 9 }],
          },
          sumError: 1e-6,
        },
      ],
    },
    lens: {
      targets: [{ tokenId: top.tokenId, token: top.token }],
      depths: [0, 1, 2, 3, 4].map((depth) => ({
        depth,
        label: depth === 0 ? "embed" : `L${depth - 1}`,
        topTokenId: depth < 3 ? second.tokenId : top.tokenId,
        topToken: depth < 3 ? second.token : top.token,
        topProbability: 0.1 * (depth + 1),
        targets: [
          {
            tokenId: top.tokenId,
            logit: depth / 3,
            probability: 0.05 * depth,
            rank: 5 - depth,
          },
        ],
      })),
      settlesAt: [3],
    },
    ablations: [
      {
        component: "L3.mlp",
        mode: "zero",
        topTokenId: second.tokenId,
        topToken: second.token,
        targets: [
          {
            tokenId: top.tokenId,
            token: top.token,
            logit: top.logit,
            ablatedLogit: top.logit - 3.5,
            logitChange: -3.5,
            probability: top.probability,
            ablatedProbability: 0.01,
            probabilityChange: 0.01 - top.probability,
            directEffect: -3.25,
          },
        ],
      },
    ],
  };
}

describe("an analysis's optional parts", () => {
  it("reads back heads, neurons, lens and ablations exactly as saved", async () => {
    const result = detailedResult();
    const saved = await store.saveAnalysis(result, requester);
    created.push(saved.id);
    models.push(result.model.name);

    const found = await store.findAnalysis(saved.id);

    expect(found.result).toEqual(result);
    const [row] = await sql<{ detail: { version: number } | null }>(
      "SELECT detail FROM analysis WHERE id = $1",
      [saved.id],
    );
    expect(row?.detail?.version).toBe(1);
  });

  it("stores nothing for an analysis without them, and adds no keys on reading", async () => {
    const result = attributionResult();
    const saved = await store.saveAnalysis(result, requester);
    created.push(saved.id);
    models.push(result.model.name);

    const found = await store.findAnalysis(saved.id);

    expect(found.result).toEqual(result);
    expect(Object.keys(found.result)).not.toContain("lens");
    const [row] = await sql<{ detail: unknown }>(
      "SELECT detail FROM analysis WHERE id = $1",
      [saved.id],
    );
    expect(row?.detail).toBeNull();
  });

  it("ignores a detail document of another version instead of misreading it", async () => {
    const result = detailedResult();
    const saved = await store.saveAnalysis(result, requester);
    created.push(saved.id);
    models.push(result.model.name);
    await sql(`UPDATE analysis SET detail = '{"version": 99, "lens": 1}' WHERE id = $1`, [
      saved.id,
    ]);

    const found = await store.findAnalysis(saved.id);

    expect(found.result.lens).toBeUndefined();
    expect(found.result.targets).toEqual(result.targets);
  });
});

describe("study reports", () => {
  const statistics = { byModel: [{ label: "m", analyses: 3 }], byTying: [] };

  it("publishes reports and reads back the newest of a format", async () => {
    const first = await store.saveStudyReport({
      run: "test-run-a",
      analyses: 3,
      format: 1,
      statistics,
      markdown: "# first\n",
    });
    const second = await store.saveStudyReport({
      run: "test-run-b",
      analyses: 4,
      format: 1,
      statistics: { ...statistics, note: "ünïcode ✓" },
      markdown: "# second\n",
    });
    await store.saveStudyReport({
      run: "test-run-c",
      analyses: 5,
      format: 2,
      statistics,
      markdown: "# another shape\n",
    });

    const latest = await dashboard.latestStudyReport(1);

    expect(second.generatedAt.getTime()).toBeGreaterThanOrEqual(
      first.generatedAt.getTime(),
    );
    expect(latest).toEqual({
      id: second.id,
      run: "test-run-b",
      analyses: 4,
      format: 1,
      statistics: { ...statistics, note: "ünïcode ✓" },
      markdown: "# second\n",
      generatedAt: second.generatedAt,
    });
    expect(await dashboard.latestStudyReport(7)).toBeNull();
  });

  it("refuses a report without analyses or statistics, saying what is wrong", async () => {
    const attempt = (input: Parameters<typeof store.saveStudyReport>[0]) =>
      store.saveStudyReport(input).then(
        () => null,
        (error: unknown) => error,
      );
    const noAnalyses = await attempt({
      run: "test-run-x",
      analyses: 0,
      format: 1,
      statistics,
      markdown: "x",
    });
    const noStatistics = await attempt({
      run: "test-run-x",
      analyses: 1,
      format: 1,
      statistics: null,
      markdown: "x",
    });

    expect(isStoreError(noAnalyses, "INVALID_INPUT")).toBe(true);
    expect((noAnalyses as Error).message).toMatch(/at least one analysis/);
    expect(isStoreError(noStatistics, "INVALID_INPUT")).toBe(true);
    expect((noStatistics as Error).message).toMatch(/statistics must be a JSON object/);
    const rows = await sql("SELECT 1 FROM study_report WHERE run = 'test-run-x'");
    expect(rows).toHaveLength(0);
  });
});
