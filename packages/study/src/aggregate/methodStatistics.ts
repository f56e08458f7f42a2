import type { AnalysisMeasures, ShareMeasure, ShareMethod } from "../measures/types.ts";
import type { BootstrapOptions } from "../statistics/bootstrapInterval.ts";
import { histogram } from "../statistics/histogram.ts";
import { proportion } from "../statistics/proportion.ts";
import { summarize } from "../statistics/summarize.ts";
import {
  ABSOLUTE_SHARE_BINS,
  CLAIMED_SHARE_RANGE,
  SIGNED_SHARE_BINS,
} from "./shareBins.ts";
import type { MethodStatistics } from "./types.ts";

/**
 * The final MLP's value and shares under one method over a group. An
 * analysis where the method does not apply (no top-2 token for the
 * difference) counts as undefined, like a share of a total near zero.
 */
export function methodStatistics(
  measures: readonly AnalysisMeasures[],
  method: ShareMethod,
  options: BootstrapOptions,
): MethodStatistics {
  const shares: (ShareMeasure | null)[] = measures.map((m) => m.finalMlp[method]);
  const signed = shares.map((share) => share?.signedShare ?? null);
  const defined = signed.filter((share): share is number => share !== null);
  const absolute = shares.map((share) => share?.absoluteShare ?? null);
  const inRange = defined.filter(
    (share) => share >= CLAIMED_SHARE_RANGE.lower && share <= CLAIMED_SHARE_RANGE.upper,
  );
  return {
    method,
    value: summarize(
      shares.map((share) => share?.value ?? null),
      options,
    ),
    signedShare: summarize(signed, options),
    absoluteShare: summarize(absolute, options),
    signedMajority: proportion(
      defined.filter((share) => share > 0.5).length,
      defined.length,
      options.level,
    ),
    signedInClaimedRange: proportion(inRange.length, defined.length, options.level),
    signedHistogram: histogram(defined, SIGNED_SHARE_BINS),
    absoluteHistogram: histogram(
      absolute.filter((share): share is number => share !== null),
      ABSOLUTE_SHARE_BINS,
    ),
  };
}
