/**
 * The dashboard's statistics, checked against values worked out by hand
 * from results built with known final-MLP shares.
 */
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDashboardStore, createStore } from "../src/index.ts";
import { finalMlpResult } from "./fixtures/finalMlpResult.ts";
import { deleteRows, TEST_DATABASE_URL } from "./support/testDatabase.ts";

const store = createStore({ databaseUrl: TEST_DATABASE_URL });
const dashboard = createDashboardStore({ databaseUrl: TEST_DATABASE_URL });
const tied = `stats-tied-${randomUUID().slice(0, 8)}`;
const untied = `stats-untied-${randomUUID().slice(0, 8)}`;
const created: string[] = [];

/**
 * Signed shares finalMlp / (1 + finalMlp): 0.65, 0.75 and 0.85 for the tied
 * model; −1 and one too near zero (total 0.01 of 1.99) for the untied one.
 */
const analyses = [
  { model: tied, tiedEmbeddings: true, finalMlp: 13 / 7 },
  { model: tied, tiedEmbeddings: true, finalMlp: 3 },
  { model: tied, tiedEmbeddings: true, finalMlp: 17 / 3 },
  { model: untied, tiedEmbeddings: false, finalMlp: -0.5 },
  { model: untied, tiedEmbeddings: false, finalMlp: -0.99 },
];

beforeAll(async () => {
  for (const [i, analysis] of analyses.entries()) {
    const result = finalMlpResult({ ...analysis, text: `statistics ${i}` });
    created.push((await store.saveAnalysis(result, { platform: "cli" })).id);
  }
});

afterAll(async () => {
  await deleteRows(created, [tied, untied]);
  await Promise.all([store.close(), dashboard.close()]);
});

const readOurs = () => dashboard.readStatistics({ models: [tied, untied] });

describe("the final MLP's share over stored analyses", () => {
  it("gives count, mean, quartiles and extremes per model", async () => {
    const { models } = await readOurs();
    const tiedModel = models.find((m) => m.model.name === tied);

    expect(models.map((m) => m.model.name).sort()).toEqual([tied, untied].sort());
    expect(tiedModel?.model).toMatchObject({ nLayers: 2, tiedEmbeddings: true });
    const signed = tiedModel?.finalMlpShare.signed;
    expect(tiedModel?.finalMlpShare.analysisCount).toBe(3);
    expect(signed?.count).toBe(3);
    expect(signed?.mean).toBeCloseTo(0.75, 12);
    expect(signed?.min).toBeCloseTo(0.65, 12);
    expect(signed?.q1).toBeCloseTo(0.7, 12);
    expect(signed?.median).toBeCloseTo(0.75, 12);
    expect(signed?.q3).toBeCloseTo(0.8, 12);
    expect(signed?.max).toBeCloseTo(0.85, 12);
  });

  it("leaves out shares of a logit near zero but still counts the analysis", async () => {
    const { models } = await readOurs();
    const share = models.find((m) => m.model.name === untied)?.finalMlpShare;

    expect(share?.analysisCount).toBe(2);
    expect(share?.signed.count).toBe(1);
    expect(share?.signed.median).toBeCloseTo(-1, 12);
    expect(share?.absolute.count).toBe(2);
    // |−0.5| of 1.5 and |−0.99| of 1.99.
    expect(share?.absolute.median).toBeCloseTo((1 / 3 + 0.99 / 1.99) / 2, 12);
  });

  it("puts tied and untied models apart and all together", async () => {
    const statistics = await readOurs();

    expect(statistics.tied.modelCount).toBe(1);
    expect(statistics.untied.modelCount).toBe(1);
    expect(statistics.tied.finalMlpShare.signed.median).toBeCloseTo(0.75, 12);
    expect(statistics.untied.finalMlpShare.signed.median).toBeCloseTo(-1, 12);
    const overall = statistics.overall.finalMlpShare;
    expect(statistics.overall.modelCount).toBe(2);
    expect(overall.analysisCount).toBe(5);
    // −1, 0.65, 0.75, 0.85 interpolated at 0.75, 1.5 and 2.25.
    expect(overall.signed.q1).toBeCloseTo(-1 + 0.75 * 1.65, 12);
    expect(overall.signed.median).toBeCloseTo(0.7, 12);
    expect(overall.signed.q3).toBeCloseTo(0.775, 12);
  });

  it("counts shares into 10 % bins from −50 % to 150 %, with below and above", async () => {
    const { overall } = await readOurs();
    const signed = overall.finalMlpShare.signed;
    const filled = signed.bins
      .filter((bin) => bin.count > 0)
      .map((bin) => [Number(bin.lower.toFixed(2)), bin.count]);

    expect(signed.bins).toHaveLength(20);
    expect(filled).toEqual([
      [0.6, 1],
      [0.7, 1],
      [0.8, 1],
    ]);
    expect(signed.below).toBe(1);
    expect(signed.above).toBe(0);
  });
});

describe("the contribution of every layer", () => {
  it("gives each component's mean and spread per model, in component order", async () => {
    const { models } = await readOurs();
    const profile = models.find((m) => m.model.name === tied)?.layerProfile ?? [];
    const finalMlp = profile.find((p) => p.component === "L1.mlp");

    expect(profile.map((p) => p.component)).toEqual([
      "embed",
      "L0.attn",
      "L0.mlp",
      "L1.attn",
      "L1.mlp",
    ]);
    expect(profile[0]).toMatchObject({ count: 3, kind: "embed", layer: null });
    expect(profile[0]?.mean).toBeCloseTo(0.5, 12);
    expect(profile[0]?.standardDeviation).toBeCloseTo(0, 12);
    expect(finalMlp?.mean).toBeCloseTo((13 / 7 + 3 + 17 / 3) / 3, 12);
    expect(finalMlp?.median).toBeCloseTo(3, 12);
    expect(finalMlp?.q1).toBeCloseTo((13 / 7 + 3) / 2, 12);
  });

  it("compares models by relative depth: layer 1 of 2 is the sixth tenth", async () => {
    const { tied: tiedGroup, overall } = await readOurs();
    const mlpAt = (bin: number) =>
      tiedGroup.depthProfile.find((p) => p.kind === "mlp" && p.depthBin === bin);

    expect(mlpAt(0)?.mean).toBeCloseTo(0.25, 12);
    expect(mlpAt(5)?.mean).toBeCloseTo((13 / 7 + 3 + 17 / 3) / 3, 12);
    expect(mlpAt(5)?.count).toBe(3);
    const overallFinal = overall.depthProfile.find(
      (p) => p.kind === "mlp" && p.depthBin === 5,
    );
    expect(overallFinal?.count).toBe(5);
  });
});
