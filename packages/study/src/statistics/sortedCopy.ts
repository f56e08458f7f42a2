import { StudyError } from "../errors/StudyError.ts";

/**
 * The values sorted ascending, as a new array.
 *
 * @throws {@link StudyError} INVALID_ARGUMENT for a value that is not a
 * finite number: a statistic must not quietly drop or misplace it
 */
export function sortedCopy(values: readonly number[]): Float64Array {
  const sorted = Float64Array.from(values);
  const bad = sorted.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0) {
    throw new StudyError(
      "INVALID_ARGUMENT",
      `value ${bad} is ${String(sorted[bad])}; statistics take finite numbers ` +
        "(leave undefined measures out and count them separately)",
    );
  }
  return sorted.sort();
}
