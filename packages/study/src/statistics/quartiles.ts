import { quantile } from "./quantile.ts";
import { sortedCopy } from "./sortedCopy.ts";

export interface Quartiles {
  q1: number;
  median: number;
  q3: number;
}

/**
 * First quartile, median and third quartile, by {@link quantile}'s rule.
 *
 * @returns null for no values
 */
export function quartiles(values: readonly number[]): Quartiles | null {
  const sorted = sortedCopy(values);
  const [q1, median, q3] = [0.25, 0.5, 0.75].map((p) => quantile(sorted, p));
  if (q1 == null || median == null || q3 == null) return null;
  return { q1, median, q3 };
}
