import type { AttributionMethod, ContributionSet } from "@attrib/core";

/** What is stored of one method's split besides its values. */
export interface SplitSummary {
  total: number;
  positiveMass: number;
  negativeMass: number;
  /** Whether the split has signed shares (core drops them for a near-zero total). */
  hasSignedShares: boolean;
}

/** The columns a split is stored in, besides its per-component values. */
export function splitSummary(set: ContributionSet): SplitSummary {
  return {
    total: set.total,
    positiveMass: set.positiveMass,
    negativeMass: set.negativeMass,
    hasSignedShares: set.signedShares !== null,
  };
}

/**
 * Rebuilds a split from its stored values and summary. The shares are
 * recomputed with the definitions core uses (value / total, |value| /
 * absolute mass), which gives the very same doubles as were computed before
 * storing.
 */
export function splitFromColumns(
  method: AttributionMethod,
  values: number[],
  summary: SplitSummary,
): ContributionSet {
  const { total, positiveMass, negativeMass } = summary;
  const absoluteMass = positiveMass - negativeMass;
  return {
    method,
    values,
    total,
    signedShares: summary.hasSignedShares ? values.map((value) => value / total) : null,
    absoluteShares: values.map((value) =>
      absoluteMass > 0 ? Math.abs(value) / absoluteMass : 0,
    ),
    positiveMass,
    negativeMass,
  };
}
