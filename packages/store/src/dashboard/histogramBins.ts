import type { HistogramBin } from "./dashboardTypes.ts";

/** Equal-width bins from `lower` to `upper`, as PostgreSQL's width_bucket counts them. */
export interface BinSpec {
  lower: number;
  upper: number;
  count: number;
}

/** Signed shares: −50 % … 150 % in steps of 10 %; the rest counts as below or above. */
export const SIGNED_SHARE_BINS: BinSpec = { lower: -0.5, upper: 1.5, count: 20 };

/** Absolute shares lie in [0, 1]: steps of 5 %, the last bin closed at 100 %. */
export const ABSOLUTE_SHARE_BINS: BinSpec = { lower: 0, upper: 1, count: 20 };

/**
 * Histogram bars from width_bucket's bucket numbers: 0 is below the range,
 * 1 … count are the bins, count + 1 is above it.
 *
 * @param counts - how many values fell in each bucket number
 */
export function toHistogram(
  spec: BinSpec,
  counts: ReadonlyMap<number, number>,
): { bins: HistogramBin[]; below: number; above: number } {
  const width = (spec.upper - spec.lower) / spec.count;
  const bins = Array.from({ length: spec.count }, (_, i) => ({
    lower: spec.lower + i * width,
    upper: spec.lower + (i + 1) * width,
    count: counts.get(i + 1) ?? 0,
  }));
  return { bins, below: counts.get(0) ?? 0, above: counts.get(spec.count + 1) ?? 0 };
}
