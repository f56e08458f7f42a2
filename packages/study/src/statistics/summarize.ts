import {
  type BootstrapOptions,
  bootstrapInterval,
  type ConfidenceInterval,
  medianOfSorted,
} from "./bootstrapInterval.ts";
import { quantile } from "./quantile.ts";
import { sortedCopy } from "./sortedCopy.ts";

/** A distribution of one measure over analyses. */
export interface Summary {
  /** All analyses measured, with a defined value or not. */
  count: number;
  /** Analyses with a value. */
  defined: number;
  /**
   * Analyses whose measure is undefined (e.g. a signed share of a total
   * near zero): counted here, never dropped without a trace.
   */
  undefined: number;
  mean: number | null;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  /** Percentile bootstrap interval of the median. */
  medianInterval: ConfidenceInterval | null;
}

/**
 * Counts, mean, quartiles, range and a bootstrap interval of the median.
 *
 * @param values - one per analysis; null where the measure is undefined
 * @param options - the bootstrap's seed, resamples and level
 */
export function summarize(
  values: readonly (number | null)[],
  options: BootstrapOptions,
): Summary {
  const defined = values.filter((value): value is number => value !== null);
  const sorted = sortedCopy(defined);
  const total = defined.reduce((sum, value) => sum + value, 0);
  return {
    count: values.length,
    defined: defined.length,
    undefined: values.length - defined.length,
    mean: defined.length > 0 ? total / defined.length : null,
    min: quantile(sorted, 0),
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max: quantile(sorted, 1),
    medianInterval: bootstrapInterval(defined, medianOfSorted, options),
  };
}
