import { describe, expect, it } from "vitest";

import { ablationEffects } from "../src/attribution/ablationEffects.ts";
import { contributionSet } from "../src/attribution/contributionSet.ts";
import { layerComponents, strongest } from "../src/attribution/detailTargets.ts";
import type { TargetAttribution } from "../src/attribution/types.ts";
import { formatRank } from "../src/chart/formatNumber.ts";

describe("strongest", () => {
  it("lists positives from the largest and negatives from the most negative", () => {
    const entries = [3, -1, 0, 5, -4, 2].map((value, id) => ({ id, value }));

    const { positive, negative } = strongest(entries, 2);

    expect(positive.map((e) => e.value)).toEqual([5, 3]);
    expect(negative.map((e) => e.value)).toEqual([-4, -1]);
  });
});

describe("layerComponents", () => {
  it("finds each layer's attention and MLP among the component names", () => {
    const names = ["embed", "L0.attn", "L0.mlp", "L1.attn", "L1.mlp"];
    expect(layerComponents(names, 2)).toEqual({ attn: [1, 3], mlp: [2, 4] });
  });
});

describe("ablationEffects", () => {
  const raw = contributionSet("raw", [1, 2, 4]);
  const target: TargetAttribution = {
    tokenId: 1,
    token: "b",
    rank: 1,
    logit: 7,
    probability: 0.5,
    source: "top",
    raw,
    centered: raw,
    rough: raw,
    identityError: 0,
  };
  const logits = Float32Array.from([0, 3, 0]);
  const ablated = { logits, logNormalizer: Math.log(2 + Math.exp(3)), topTokenId: 1 };

  it("reports the total change and, for zero ablation, minus the contribution as direct effect", () => {
    const request = { component: "L0.mlp", index: 2, mode: "zero" as const };

    const [effect] = ablationEffects(
      request,
      [target],
      () => 1.5,
      ablated,
      String,
    ).targets;

    expect(effect?.logitChange).toBe(-4);
    expect(effect?.directEffect).toBe(-4);
    expect(effect?.ablatedProbability).toBeCloseTo(Math.exp(3) / (2 + Math.exp(3)), 12);
  });

  it("counts the mean write's own contribution back in for mean ablation", () => {
    const request = { component: "L0.mlp", index: 2, mode: "mean" as const };

    const ablation = ablationEffects(request, [target], () => 1.5, ablated, String);

    expect(ablation.targets[0]?.directEffect).toBe(-2.5);
    expect(ablation.topTokenId).toBe(1);
  });
});

describe("formatRank", () => {
  it.each([
    [7, "7"],
    [512, "512"],
    [4213, "4.2k"],
    [48490, "48k"],
  ])("writes %d as %s", (rank, text) => {
    expect(formatRank(rank)).toBe(text);
  });
});
