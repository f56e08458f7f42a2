import { StudyError } from "../errors/StudyError.ts";
import type { BootstrapOptions } from "./bootstrapInterval.ts";
import { type Proportion, proportion } from "./proportion.ts";
import { spearman } from "./spearman.ts";
import { type Summary, summarize } from "./summarize.ts";

/** How two measures of the same analyses differ, analysis by analysis. */
export interface PairedComparison {
  /** Analyses where both measures are defined. */
  pairs: number;
  /** Analyses where either measure is undefined, left out of the rest. */
  unpaired: number;
  /** first − second over the pairs. */
  difference: Summary;
  /** Pairs where first > second. */
  firstGreater: Proportion;
  /** Spearman's rank correlation over the pairs: do they order analyses alike? */
  rankCorrelation: number | null;
}

/**
 * Compares two measures taken on the same analyses (e.g. the final MLP's
 * share under two methods), pair by pair.
 *
 * @param first - one value per analysis, null where undefined
 * @param second - the same analyses in the same order
 * @throws {@link StudyError} INVALID_ARGUMENT for sides of unequal length
 */
export function pairedComparison(
  first: readonly (number | null)[],
  second: readonly (number | null)[],
  options: BootstrapOptions & { level?: number },
): PairedComparison {
  if (first.length !== second.length) {
    throw new StudyError(
      "INVALID_ARGUMENT",
      `a paired comparison needs the same analyses on both sides: ` +
        `${first.length} values against ${second.length}`,
    );
  }
  const pairs: [number, number][] = [];
  first.forEach((a, i) => {
    const b = second[i];
    if (a !== null && b !== null && b !== undefined) pairs.push([a, b]);
  });

  const greater = pairs.filter(([a, b]) => a > b).length;
  return {
    pairs: pairs.length,
    unpaired: first.length - pairs.length,
    difference: summarize(
      pairs.map(([a, b]) => a - b),
      options,
    ),
    firstGreater: proportion(greater, pairs.length, options.level),
    rankCorrelation: spearman(
      pairs.map(([a]) => a),
      pairs.map(([, b]) => b),
    ),
  };
}
