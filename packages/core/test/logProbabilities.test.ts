import { describe, expect, it } from "vitest";

import { logSumExp, rankOf } from "../src/attribution/logProbabilities.ts";

describe("logSumExp", () => {
  it("equals log Σ exp for small values", () => {
    expect(logSumExp([0, Math.log(3)])).toBeCloseTo(Math.log(4), 12);
  });

  it("stays finite for logits far beyond exp's range", () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.log(2), 9);
  });
});

describe("rankOf", () => {
  it("ranks by descending logit, starting at 1", () => {
    const logits = Float32Array.from([0.5, 2, -1, 1]);

    expect(rankOf(logits, 1)).toBe(1);
    expect(rankOf(logits, 3)).toBe(2);
    expect(rankOf(logits, 2)).toBe(4);
  });
});
