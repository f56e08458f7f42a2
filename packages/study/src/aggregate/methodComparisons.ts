import { type AnalysisMeasures, shareMethods } from "../measures/types.ts";
import type { BootstrapOptions } from "../statistics/bootstrapInterval.ts";
import { pairedComparison } from "../statistics/pairedComparison.ts";
import type { MethodComparison } from "./types.ts";

/**
 * Every pair of methods compared on the same analyses: how far apart the
 * final MLP's shares are, how often one exceeds the other, and whether they
 * order the prompts alike.
 */
export function methodComparisons(
  measures: readonly AnalysisMeasures[],
  options: BootstrapOptions,
): MethodComparison[] {
  const comparisons: MethodComparison[] = [];
  shareMethods.forEach((first, i) => {
    for (const second of shareMethods.slice(i + 1)) {
      const pick = (method: typeof first, kind: "signedShare" | "absoluteShare") =>
        measures.map((m) => m.finalMlp[method]?.[kind] ?? null);
      comparisons.push({
        first,
        second,
        signedShare: pairedComparison(
          pick(first, "signedShare"),
          pick(second, "signedShare"),
          options,
        ),
        absoluteShare: pairedComparison(
          pick(first, "absoluteShare"),
          pick(second, "absoluteShare"),
          options,
        ),
      });
    }
  });
  return comparisons;
}
