import type { AttributionMethod, ContributionSet } from "./types.ts";

/**
 * Below this fraction of the absolute mass, a total is treated as zero: a
 * signed share of it would be dominated by cancellation and mean nothing.
 */
export const NEAR_ZERO_TOTAL_FRACTION = 0.05;

/**
 * Builds a method's split with its totals and both kinds of share.
 *
 * @param method - how the values were measured
 * @param values - one contribution per component
 */
export function contributionSet(
  method: AttributionMethod,
  values: number[],
): ContributionSet {
  let total = 0;
  let positiveMass = 0;
  let negativeMass = 0;
  for (const value of values) {
    total += value;
    if (value > 0) positiveMass += value;
    else negativeMass += value;
  }

  const absoluteMass = positiveMass - negativeMass;
  const absoluteShares = values.map((value) =>
    absoluteMass > 0 ? Math.abs(value) / absoluteMass : 0,
  );
  const totalIsNearZero = Math.abs(total) < NEAR_ZERO_TOTAL_FRACTION * absoluteMass;
  const signedShares =
    totalIsNearZero || total === 0 ? null : values.map((value) => value / total);

  return {
    method,
    values,
    total,
    signedShares,
    absoluteShares,
    positiveMass,
    negativeMass,
  };
}

/** The component-wise difference of two splits (e.g. top-1 minus top-2). */
export function differenceSet(positive: ContributionSet, negative: ContributionSet) {
  const values = positive.values.map((value, i) => value - (negative.values[i] ?? 0));
  return contributionSet("difference", values);
}
