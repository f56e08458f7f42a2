import { StudyError } from "../errors/StudyError.ts";
import { ranks } from "./ranks.ts";

/**
 * Spearman's rank correlation: Pearson's correlation of the ranks, ties
 * given their mean rank.
 *
 * @returns null for fewer than two pairs or when either side is constant
 * @throws {@link StudyError} INVALID_ARGUMENT for sides of unequal length
 */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) {
    throw new StudyError(
      "INVALID_ARGUMENT",
      `a rank correlation needs pairs: ${x.length} values against ${y.length}`,
    );
  }
  if (x.length < 2) return null;
  return pearson(ranks(x), ranks(y));
}

function pearson(x: number[], y: number[]): number | null {
  const n = x.length;
  const meanX = x.reduce((a, b) => a + b, 0) / n;
  const meanY = y.reduce((a, b) => a + b, 0) / n;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? NaN) - meanX;
    const dy = (y[i] ?? NaN) - meanY;
    covariance += dx * dy;
    varianceX += dx * dx;
    varianceY += dy * dy;
  }
  if (varianceX === 0 || varianceY === 0) return null;
  return covariance / Math.sqrt(varianceX * varianceY);
}
