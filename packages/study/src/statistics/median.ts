import { quantile } from "./quantile.ts";
import { sortedCopy } from "./sortedCopy.ts";

/**
 * The median, the mean of the two middle values for an even count.
 *
 * @returns null for no values
 */
export function median(values: readonly number[]): number | null {
  return quantile(sortedCopy(values), 0.5);
}
