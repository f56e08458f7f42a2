import { StudyError } from "../errors/StudyError.ts";

/**
 * The `p`-quantile of values already sorted ascending, interpolating
 * linearly between order statistics (Hyndman and Fan's type 7, as R's
 * default and PostgreSQL's percentile_cont compute it).
 *
 * @param sorted - ascending; not checked, for speed inside the bootstrap
 * @param p - from 0 (the minimum) to 1 (the maximum)
 * @returns null for no values
 * @throws {@link StudyError} INVALID_ARGUMENT for p outside [0, 1]
 */
export function quantile(sorted: ArrayLike<number>, p: number): number | null {
  if (!(p >= 0 && p <= 1)) {
    throw new StudyError(
      "INVALID_ARGUMENT",
      `a quantile's p must lie from 0 to 1, not ${String(p)}`,
    );
  }
  if (sorted.length === 0) return null;

  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const lower = sorted[below] ?? NaN;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] ?? NaN;
  return lower + (position - below) * (upper - lower);
}
