import { expect } from "vitest";

/**
 * Asserts two equally long vectors agree element by element within `tolerance`,
 * naming the first element that does not.
 */
export function expectAllClose(
  actual: readonly number[],
  expected: readonly number[],
  tolerance: number,
  label: string,
): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  let worst = 0;
  let worstIndex = -1;
  actual.forEach((value, i) => {
    const error = Math.abs(value - (expected[i] ?? NaN));
    if (!(error <= worst)) {
      worst = error;
      worstIndex = i;
    }
  });
  expect(worst, `${label}: largest error at index ${worstIndex}`).toBeLessThanOrEqual(
    tolerance,
  );
}
