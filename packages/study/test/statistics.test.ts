import { describe, expect, it } from "vitest";

import {
  bootstrapInterval,
  createRandom,
  histogram,
  isStudyError,
  mean,
  median,
  medianOfSorted,
  normalQuantile,
  pairedComparison,
  proportion,
  quantile,
  quartiles,
  ranks,
  shuffled,
  spearman,
  summarize,
} from "../src/index.ts";

const oneToNine = [9, 3, 1, 7, 5, 2, 8, 4, 6];

describe("quantiles", () => {
  it("gives 3, 5 and 7 as the quartiles of 1 … 9", () => {
    expect(quartiles(oneToNine)).toEqual({ q1: 3, median: 5, q3: 7 });
  });

  it("interpolates between order statistics like R's type 7", () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([10, 20], 1)).toBe(20);
  });

  it("has no quantile of nothing, and refuses p outside [0, 1]", () => {
    expect(median([])).toBeNull();
    expect(quartiles([])).toBeNull();
    expect(() => quantile([1], 1.5)).toThrow(/from 0 to 1/);
  });

  it("refuses a value that is not a finite number rather than misplacing it", () => {
    let caught: unknown;
    try {
      median([1, Number.NaN, 3]);
    } catch (error) {
      caught = error;
    }
    expect(isStudyError(caught, "INVALID_ARGUMENT")).toBe(true);
  });

  it("takes the mean", () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
  });
});

describe("bootstrapInterval", () => {
  it("gives a constant as the interval of a constant's median", () => {
    const interval = bootstrapInterval(new Array(40).fill(0.7), medianOfSorted, {
      seed: 3,
    });
    expect(interval).toEqual({ lower: 0.7, upper: 0.7, level: 0.95 });
  });

  it("gives the same interval for the same seed and another for another seed", () => {
    const values = Array.from({ length: 30 }, (_, i) => (i * 37) % 11);
    const first = bootstrapInterval(values, medianOfSorted, { seed: 1, resamples: 500 });
    const again = bootstrapInterval(values, medianOfSorted, { seed: 1, resamples: 500 });
    const other = bootstrapInterval(values, (s) => s[0] ?? NaN, { seed: 2 });

    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it("brackets the median of 0 … 100 without spanning the whole range", () => {
    const values = Array.from({ length: 101 }, (_, i) => i);
    const interval = bootstrapInterval(values, medianOfSorted, { seed: 5 });

    expect(interval?.lower).toBeLessThan(50);
    expect(interval?.upper).toBeGreaterThan(50);
    expect(interval?.lower).toBeGreaterThan(30);
    expect(interval?.upper).toBeLessThan(70);
  });

  it("covers a known median about as often as its level says", () => {
    // Exponential(1) samples: the true median is ln 2.
    const random = createRandom(11);
    const trueMedian = Math.LN2;
    let covered = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const sample = Array.from({ length: 60 }, () => -Math.log(1 - random()));
      const interval = bootstrapInterval(sample, medianOfSorted, {
        seed: t,
        resamples: 400,
        level: 0.9,
      });
      if (interval && interval.lower <= trueMedian && trueMedian <= interval.upper) {
        covered++;
      }
    }
    expect(covered / trials).toBeGreaterThan(0.8);
    expect(covered / trials).toBeLessThan(0.97);
  });

  it("has no interval of nothing and refuses a level outside (0, 1)", () => {
    expect(bootstrapInterval([], medianOfSorted, { seed: 1 })).toBeNull();
    expect(() => bootstrapInterval([1], medianOfSorted, { seed: 1, level: 95 })).toThrow(
      /between 0 and 1/,
    );
  });
});

describe("createRandom and shuffled", () => {
  it("repeats its sequence for a seed and spreads it over [0, 1)", () => {
    const first = createRandom(42);
    const again = createRandom(42);
    const draws = Array.from({ length: 10_000 }, () => first());

    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => again()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(mean(draws)).toBeGreaterThan(0.49);
    expect(mean(draws)).toBeLessThan(0.51);
  });

  it("permutes without losing or repeating an item, reproducibly", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const order = shuffled(items, createRandom(7));

    expect([...order].sort((a, b) => a - b)).toEqual(items);
    expect(order).not.toEqual(items);
    expect(shuffled(items, createRandom(7))).toEqual(order);
  });

  it("refuses a seed that is not a whole number", () => {
    expect(() => createRandom(1.5)).toThrow(/whole number/);
  });
});

describe("histogram", () => {
  it("counts values into known bins, the last one closed, the rest below or above", () => {
    const counted = histogram([0, 0.05, 0.1, 0.95, 1, -0.1, 1.2, 0.55], {
      lower: 0,
      upper: 1,
      count: 10,
    });

    expect(counted.bins.map((bin) => bin.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(counted.below).toBe(1);
    expect(counted.above).toBe(1);
    expect(counted.bins[3]?.lower).toBeCloseTo(0.3, 12);
    expect(counted.bins[9]?.upper).toBe(1);
  });

  it("refuses bad bins", () => {
    expect(() => histogram([1], { lower: 1, upper: 0, count: 3 })).toThrow(
      /lower < upper/,
    );
    expect(() => histogram([1], { lower: 0, upper: 1, count: 0 })).toThrow(/bins/);
  });
});

describe("proportion", () => {
  it("gives the Wilson interval 0.237 … 0.763 for 5 of 10", () => {
    const half = proportion(5, 10);

    expect(half.fraction).toBe(0.5);
    expect(half.interval?.lower).toBeCloseTo(0.2366, 4);
    expect(half.interval?.upper).toBeCloseTo(0.7634, 4);
  });

  it("stays inside [0, 1] at the edges: 0 of 10 is 0 … 0.278", () => {
    const none = proportion(0, 10);

    expect(none.interval?.lower).toBe(0);
    expect(none.interval?.upper).toBeCloseTo(0.2775, 4);
  });

  it("has no fraction of no trials and refuses impossible counts", () => {
    expect(proportion(0, 0)).toEqual({
      successes: 0,
      trials: 0,
      fraction: null,
      interval: null,
    });
    expect(() => proportion(3, 2)).toThrow(/successes ≤ trials/);
  });

  it("uses the normal quantiles 1.96 and −3.09", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 6);
  });
});

describe("ranks and spearman", () => {
  it("shares the mean rank between ties", () => {
    expect(ranks([10, 30, 20, 30])).toEqual([1, 3.5, 2, 3.5]);
  });

  it("is 1 for any increasing relation and −1 for a decreasing one", () => {
    const x = [1, 2, 3, 4, 5];
    expect(spearman(x, [1, 8, 27, 64, 125])).toBeCloseTo(1, 12);
    expect(spearman(x, [5, 4, 3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it("gives 8 / √95 for a worked example with a tie", () => {
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(8 / Math.sqrt(95), 12);
  });

  it("has no correlation with a constant side or fewer than two pairs", () => {
    expect(spearman([1, 2, 3], [4, 4, 4])).toBeNull();
    expect(spearman([1], [2])).toBeNull();
  });
});

describe("summarize and pairedComparison", () => {
  it("counts undefined measures instead of dropping them", () => {
    const summary = summarize([1, null, 3, null, 5], { seed: 1 });

    expect(summary.count).toBe(5);
    expect(summary.defined).toBe(3);
    expect(summary.undefined).toBe(2);
    expect(summary.median).toBe(3);
    expect(summary.q1).toBe(2);
    expect(summary.q3).toBe(4);
    expect(summary.mean).toBe(3);
    expect([summary.min, summary.max]).toEqual([1, 5]);
  });

  it("summarizes nothing defined as counts only", () => {
    const summary = summarize([null, null], { seed: 1 });

    expect(summary).toMatchObject({ count: 2, defined: 0, undefined: 2, median: null });
    expect(summary.medianInterval).toBeNull();
  });

  it("compares two measures pair by pair, leaving out pairs with an undefined side", () => {
    const comparison = pairedComparison([1, 2, 3, null], [0, 2, 1, 5], { seed: 1 });

    expect(comparison.pairs).toBe(3);
    expect(comparison.unpaired).toBe(1);
    expect(comparison.difference.median).toBe(1);
    expect(comparison.firstGreater.successes).toBe(2);
    expect(comparison.rankCorrelation).toBeCloseTo(0.5, 12);
  });

  it("refuses sides of different lengths", () => {
    expect(() => pairedComparison([1], [1, 2], { seed: 1 })).toThrow(/same analyses/);
  });
});
