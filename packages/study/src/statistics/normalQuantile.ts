import { StudyError } from "../errors/StudyError.ts";

// Acklam's rational approximation of the inverse normal distribution
// function; relative error below 1.2e-9 over (0, 1).
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269,
  -30.66479806614716, 2.506628277459239,
];
const B = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
  -13.28068155288572,
];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const D = [
  0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416,
];
const LOW = 0.02425;

const polynomial = (coefficients: number[], x: number): number =>
  coefficients.reduce((sum, coefficient) => sum * x + coefficient, 0);

/**
 * The standard normal distribution's `p`-quantile, e.g. 1.96 for 0.975.
 *
 * @throws {@link StudyError} INVALID_ARGUMENT unless 0 < p < 1
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    throw new StudyError(
      "INVALID_ARGUMENT",
      `a normal quantile needs 0 < p < 1, not ${String(p)}`,
    );
  }
  if (p < LOW || p > 1 - LOW) {
    const tail = Math.sqrt(-2 * Math.log(Math.min(p, 1 - p)));
    const value = polynomial(C, tail) / (polynomial(D, tail) * tail + 1);
    return p < LOW ? value : -value;
  }
  const q = p - 0.5;
  const r = q * q;
  return (polynomial(A, r) * q) / (polynomial(B, r) * r + 1);
}
