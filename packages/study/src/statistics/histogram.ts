import { StudyError } from "../errors/StudyError.ts";
import { sortedCopy } from "./sortedCopy.ts";

/** Equal-width bins from `lower` to `upper`. */
export interface BinSpec {
  lower: number;
  upper: number;
  count: number;
}

export interface HistogramBin {
  lower: number;
  upper: number;
  count: number;
}

export interface Histogram {
  bins: HistogramBin[];
  /** Values below `lower`. */
  below: number;
  /** Values above `upper`. */
  above: number;
}

/**
 * Counts values into equal-width bins, each closed below and open above
 * except the last, which is closed at `upper` too (so a share of exactly
 * 100% lands in the top bin). Values outside the range are counted as below
 * or above, never dropped.
 *
 * @throws {@link StudyError} INVALID_ARGUMENT for a bad spec or a value
 * that is not finite
 */
export function histogram(values: readonly number[], spec: BinSpec): Histogram {
  checkSpec(spec);
  const width = (spec.upper - spec.lower) / spec.count;
  const bins = Array.from({ length: spec.count }, (_, i) => ({
    lower: spec.lower + i * width,
    upper: i === spec.count - 1 ? spec.upper : spec.lower + (i + 1) * width,
    count: 0,
  }));

  let below = 0;
  let above = 0;
  for (const value of sortedCopy(values)) {
    if (value < spec.lower) below++;
    else if (value > spec.upper) above++;
    else {
      const index = Math.min(spec.count - 1, Math.floor((value - spec.lower) / width));
      const bin = bins[index];
      if (bin) bin.count++;
    }
  }
  return { bins, below, above };
}

function checkSpec(spec: BinSpec): void {
  const { lower, upper, count } = spec;
  if (!Number.isInteger(count) || count < 1) {
    throw new StudyError(
      "INVALID_ARGUMENT",
      `a histogram needs a whole number of bins ≥ 1, not ${String(count)}`,
    );
  }
  if (!(Number.isFinite(lower) && Number.isFinite(upper) && lower < upper)) {
    throw new StudyError(
      "INVALID_ARGUMENT",
      `a histogram's range must be finite with lower < upper, not ` +
        `${String(lower)} … ${String(upper)}`,
    );
  }
}
