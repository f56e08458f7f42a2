import { StudyError } from "../errors/StudyError.ts";
import { createRandom } from "../random/createRandom.ts";
import { checkLevel } from "./checkLevel.ts";
import { quantile } from "./quantile.ts";
import { sortedCopy } from "./sortedCopy.ts";

export interface BootstrapOptions {
  /** Seed of the resampling, so that an interval can be reproduced exactly. */
  seed: number;
  /** How many resamples; 2,000 when left out. */
  resamples?: number;
  /** Coverage, e.g. 0.95 (the default). */
  level?: number;
}

export interface ConfidenceInterval {
  lower: number;
  upper: number;
  level: number;
}

export const DEFAULT_RESAMPLES = 2_000;
export const DEFAULT_LEVEL = 0.95;

/**
 * A percentile bootstrap confidence interval of a statistic: the statistic
 * of many resamples drawn with replacement, cut at the (1 − level) / 2 tails.
 * It assumes the values are independent draws, which prompts sampled at
 * random from a corpus are.
 *
 * @param values - finite numbers
 * @param statistic - of a resample, given sorted ascending (e.g. its median)
 * @returns null for no values
 * @throws {@link StudyError} INVALID_ARGUMENT for a bad level, resample
 * count, seed or value
 */
export function bootstrapInterval(
  values: readonly number[],
  statistic: (sortedResample: Float64Array) => number,
  options: BootstrapOptions,
): ConfidenceInterval | null {
  const level = options.level ?? DEFAULT_LEVEL;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  checkLevel(level);
  checkResamples(resamples);
  const sample = sortedCopy(values);
  if (sample.length === 0) return null;

  const random = createRandom(options.seed);
  const resample = new Float64Array(sample.length);
  const statistics = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < sample.length; i++) {
      resample[i] = sample[Math.floor(random() * sample.length)] ?? NaN;
    }
    statistics[b] = statistic(resample.sort());
  }

  statistics.sort();
  const tail = (1 - level) / 2;
  return {
    lower: quantile(statistics, tail) ?? NaN,
    upper: quantile(statistics, 1 - tail) ?? NaN,
    level,
  };
}

/** The median of sorted values, for {@link bootstrapInterval}. */
export const medianOfSorted = (sorted: Float64Array): number =>
  quantile(sorted, 0.5) ?? NaN;

function checkResamples(resamples: number): void {
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new StudyError(
      "INVALID_ARGUMENT",
      `the bootstrap needs a whole number of resamples ≥ 1, not ${String(resamples)}`,
    );
  }
}
