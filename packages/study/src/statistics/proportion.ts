import { StudyError } from "../errors/StudyError.ts";
import { type ConfidenceInterval, DEFAULT_LEVEL } from "./bootstrapInterval.ts";
import { checkLevel } from "./checkLevel.ts";
import { normalQuantile } from "./normalQuantile.ts";

export interface Proportion {
  successes: number;
  trials: number;
  /** successes / trials; null for no trials. */
  fraction: number | null;
  /** Wilson score interval; null for no trials. */
  interval: ConfidenceInterval | null;
}

/**
 * A fraction with its Wilson score interval, which stays inside [0, 1] and
 * keeps its coverage for fractions near 0 or 1 where the normal
 * approximation fails.
 *
 * @throws {@link StudyError} INVALID_ARGUMENT for counts that are not
 * whole numbers with 0 ≤ successes ≤ trials, or a bad level
 */
export function proportion(
  successes: number,
  trials: number,
  level: number = DEFAULT_LEVEL,
): Proportion {
  checkLevel(level);
  const wholeCounts = Number.isInteger(successes) && Number.isInteger(trials);
  if (!wholeCounts || successes < 0 || successes > trials) {
    throw new StudyError(
      "INVALID_ARGUMENT",
      `a proportion needs whole counts with 0 ≤ successes ≤ trials, not ` +
        `${String(successes)} of ${String(trials)}`,
    );
  }
  if (trials === 0) return { successes, trials, fraction: null, interval: null };

  const z = normalQuantile(1 - (1 - level) / 2);
  const fraction = successes / trials;
  const z2n = (z * z) / trials;
  const centre = (fraction + z2n / 2) / (1 + z2n);
  const spread =
    (z * Math.sqrt((fraction * (1 - fraction)) / trials + z2n / (4 * trials))) /
    (1 + z2n);
  return {
    successes,
    trials,
    fraction,
    interval: {
      lower: Math.max(0, centre - spread),
      upper: Math.min(1, centre + spread),
      level,
    },
  };
}
