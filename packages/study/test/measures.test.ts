import type { AttributionResult, LensDepth } from "@attrib/core";
import { contributionSet } from "@attrib/core";
import { describe, expect, it } from "vitest";

import {
  analysisDetail,
  type AnalysisMeasures,
  isStudyError,
  measureAnalysis,
  studyStatistics,
} from "../src/index.ts";
import { constructedResult, target } from "./fixtures/constructedResult.ts";

const prompt = { id: "fortune:test:1", source: "fortune" };
const noDetail = { lens: null, ablations: [] };

function lensDepth(depth: number, ranks: number[]): LensDepth {
  return {
    depth,
    label: depth === 0 ? "embed" : `L${depth - 1}`,
    topTokenId: 0,
    topToken: "",
    topProbability: 0,
    targets: ranks.map((rank, i) => ({
      tokenId: [10, 11, 7][i] ?? 0,
      logit: 0,
      probability: 0,
      rank,
    })),
  };
}

function withLens(top1Ranks: number[], settlesAt: number | null): AttributionResult {
  return constructedResult({
    lens: {
      targets: [
        { tokenId: 10, token: " x" },
        { tokenId: 11, token: " y" },
        { tokenId: 7, token: "c" },
      ],
      depths: top1Ranks.map((rank, depth) => lensDepth(depth, [rank, 2, 9])),
      settlesAt: [settlesAt, null, null],
    },
  });
}

describe("measureAnalysis", () => {
  it("takes the final MLP's share of the top-1 token under each method", () => {
    const measures = measureAnalysis(constructedResult(), prompt, noDetail);

    expect(measures.finalMlp.raw).toEqual({
      value: 3,
      total: 4,
      signedShare: 0.75,
      absoluteShare: 0.5,
    });
    expect(measures.finalMlp.centered?.signedShare).toBe(0.5);
    expect(measures.finalMlp.centered?.absoluteShare).toBe(0.5);
    expect(measures.finalMlp.rough?.signedShare).toBeCloseTo(0.6, 12);
    expect(measures.finalMlp.difference).toMatchObject({
      value: 2,
      total: 1,
      signedShare: 2,
    });
    expect(measures.top1).toEqual({
      tokenId: 10,
      token: " x",
      logit: 4,
      probability: 0.5,
    });
  });

  it("leaves a signed share of a total near zero undefined, keeping the absolute share", () => {
    const result = constructedResult();
    const top1 = result.targets[0];
    if (!top1) throw new Error("fixture has no top-1 target");
    top1.centered = contributionSet("centered", [1, 0, 0, -3, 2.05]);

    const measures = measureAnalysis(result, prompt, noDetail);

    expect(measures.finalMlp.centered?.signedShare).toBeNull();
    expect(measures.finalMlp.centered?.absoluteShare).toBeCloseTo(2.05 / 6.05, 12);
  });

  it("measures the embedding's push on the current (last prompt) token", () => {
    const measures = measureAnalysis(constructedResult(), prompt, noDetail);

    expect(measures.currentToken).toEqual({
      tokenId: 7,
      token: "c",
      embedRaw: 2.5,
      embedCentered: 1.5,
      rank: 40,
      embedRawOnTop1: 1,
      embedCenteredOnTop1: 0.5,
    });
  });

  it("has no current-token measure when the last token was not analysed", () => {
    const result = constructedResult();
    result.targets = result.targets.slice(0, 2);

    expect(measureAnalysis(result, prompt, noDetail).currentToken).toBeNull();
  });

  it("refuses an analysis without a rank-1 target", () => {
    const result = constructedResult();
    result.targets = result.targets.slice(1);
    let caught: unknown;
    try {
      measureAnalysis(result, prompt, noDetail);
    } catch (error) {
      caught = error;
    }
    expect(isStudyError(caught, "INCOMPLETE_ANALYSIS")).toBe(true);
  });
});

describe("analysisDetail", () => {
  it("finds the first depth where the lens ranks the final top-1 token first", () => {
    // Depths 0 (embed), 1 (after L0), 2 (output): ranks 4, 1, 1.
    expect(analysisDetail(withLens([4, 1, 1], 1)).lens).toEqual({
      nLayers: 2,
      firstTopDepth: 1,
      settledDepth: 1,
      rankBeforeLastLayer: 1,
    });
    // First at the embedding, lost after L0, back at the output.
    expect(analysisDetail(withLens([1, 3, 1], 2)).lens).toMatchObject({
      firstTopDepth: 0,
      settledDepth: 2,
      rankBeforeLastLayer: 3,
    });
  });

  it("takes the total effect of ablating the final MLP on the top-1 token", () => {
    const effect = {
      tokenId: 10,
      token: " x",
      logit: 4,
      ablatedLogit: 1.5,
      logitChange: -2.5,
      probability: 0.5,
      ablatedProbability: 0.1,
      probabilityChange: -0.4,
      directEffect: -3,
    };
    const result = constructedResult({
      ablations: [
        {
          component: "L1.mlp",
          mode: "zero",
          topTokenId: 11,
          topToken: " y",
          targets: [effect],
        },
        {
          component: "L0.mlp",
          mode: "zero",
          topTokenId: 10,
          topToken: " x",
          targets: [effect],
        },
      ],
    });

    expect(analysisDetail(result).ablations).toEqual([
      {
        mode: "zero",
        logitChange: -2.5,
        logProbabilityChange: Math.log(0.1) - Math.log(0.5),
        probabilityChange: -0.4,
        directEffect: -3,
        topTokenChanged: true,
      },
    ]);
    expect(analysisDetail(constructedResult())).toEqual(noDetail);
  });
});

describe("studyStatistics", () => {
  function measuresWithRawShare(
    model: string,
    tied: boolean,
    rawValues: number[],
  ): AnalysisMeasures {
    const result = constructedResult();
    result.model = { ...result.model, name: model, tiedEmbeddings: tied };
    result.targets[0] = target({
      tokenId: 10,
      token: " x",
      rank: 1,
      probability: 0.5,
      raw: rawValues,
      centered: [0.5, 0, 0, 0.5, 1],
      rough: [2, 1, 1, 0, 6],
    });
    return measureAnalysis(result, prompt, noDetail);
  }

  it("aggregates per model and per tying with undefined shares counted", () => {
    const measures = [
      // raw signed shares 0.5, 0.75, undefined (total 0.1 of mass 4.1) and 0.9.
      measuresWithRawShare("tied-a", true, [1, 0, 0, 0, 1]),
      measuresWithRawShare("tied-a", true, [1, 0, 0, 0, 3]),
      measuresWithRawShare("tied-b", true, [2, 0, 0, -2, 0.1]),
      measuresWithRawShare("untied", false, [1, 0, 0, 0, 9]),
    ];

    const statistics = studyStatistics(measures, { seed: 1, resamples: 200 });

    expect(statistics.byModel.map((group) => group.label)).toEqual([
      "tied-a",
      "tied-b",
      "untied",
    ]);
    const tied = statistics.byTying[0];
    const raw = tied?.finalMlp.raw;
    expect(tied?.label).toBe("weight-tied");
    expect(tied?.models).toEqual(["tied-a", "tied-b"]);
    expect(raw?.signedShare).toMatchObject({
      count: 3,
      defined: 2,
      undefined: 1,
      median: 0.625,
    });
    expect(raw?.signedMajority.successes).toBe(1);
    expect(raw?.signedInClaimedRange.successes).toBe(1);
    expect(statistics.byTying[1]?.tiedEmbeddings).toBe(false);
    expect(statistics.byTying[1]?.currentToken?.rawPositive.successes).toBe(1);
  });

  it("compares methods on the same analyses", () => {
    const measures = [
      measuresWithRawShare("m", true, [1, 0, 0, 0, 1]),
      measuresWithRawShare("m", true, [1, 0, 0, 0, 3]),
    ];
    const group = studyStatistics(measures, { seed: 1, resamples: 100 }).byModel[0];
    const rawVsCentered = group?.methodComparisons.find(
      (c) => c.first === "raw" && c.second === "centered",
    );

    // raw 0.5 and 0.75 against centered 0.5 and 0.5.
    expect(rawVsCentered?.signedShare.pairs).toBe(2);
    expect(rawVsCentered?.signedShare.difference.median).toBeCloseTo(0.125, 12);
    expect(rawVsCentered?.signedShare.firstGreater.successes).toBe(1);
  });
});
