import { describe, expect, it } from "vitest";

import {
  contributionSet,
  NEAR_ZERO_TOTAL_FRACTION,
} from "../src/attribution/contributionSet.ts";
import { differenceSet } from "../src/attribution/contributionSet.ts";

describe("contributionSet", () => {
  it("splits a total into signed and absolute shares", () => {
    const set = contributionSet("raw", [2, -1, 3]);

    expect(set.total).toBe(4);
    expect(set.signedShares).toEqual([0.5, -0.25, 0.75]);
    expect(set.absoluteShares).toEqual([2 / 6, 1 / 6, 3 / 6]);
    expect(set.positiveMass).toBe(5);
    expect(set.negativeMass).toBe(-1);
  });

  it("gives shares above 100% when other components cancel", () => {
    const set = contributionSet("raw", [10, -6]);

    expect(set.signedShares?.[0]).toBeCloseTo(2.5, 12);
    expect(set.signedShares?.[1]).toBeCloseTo(-1.5, 12);
  });

  it("refuses signed shares of a total that is near zero", () => {
    const set = contributionSet("raw", [5, -5, 0.1]);

    expect(Math.abs(set.total)).toBeLessThan(NEAR_ZERO_TOTAL_FRACTION * 10.1);
    expect(set.signedShares).toBeNull();
    expect(set.absoluteShares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("keeps signed shares just above the near-zero threshold", () => {
    const set = contributionSet("raw", [5, -4]);

    expect(set.signedShares).toEqual([5, -4]);
  });

  it("handles all-zero contributions without dividing by zero", () => {
    const set = contributionSet("raw", [0, 0]);

    expect(set.signedShares).toBeNull();
    expect(set.absoluteShares).toEqual([0, 0]);
  });

  it("splits a logit difference component by component", () => {
    const first = contributionSet("raw", [3, 1, 4]);
    const second = contributionSet("raw", [1, 1, 2]);

    const difference = differenceSet(first, second);

    expect(difference.method).toBe("difference");
    expect(difference.values).toEqual([2, 0, 2]);
    expect(difference.total).toBe(4);
  });
});
