import {
  type AttributionResult,
  type ContributionSet,
  finalMlpIndex,
  shareOf,
  type TargetAttribution,
} from "@attrib/core";

import type { ShareMeasure, ShareMethod } from "./types.ts";

/**
 * The final MLP's value and shares in each split of the top-1 token.
 *
 * @param result - an analysis with a final MLP among its components
 * @param top1 - its rank-1 target
 */
export function finalMlpShares(
  result: Pick<AttributionResult, "components" | "topDifference">,
  top1: TargetAttribution,
): Record<ShareMethod, ShareMeasure | null> {
  const index = finalMlpIndex(result);
  const measure = (set: ContributionSet): ShareMeasure => {
    const share = shareOf(set, index);
    return {
      value: share.value,
      total: set.total,
      signedShare: share.signedShare,
      absoluteShare: share.absoluteShare,
    };
  };
  const difference = result.topDifference;
  const ownsDifference = difference?.positive.tokenId === top1.tokenId;
  return {
    rough: measure(top1.rough),
    raw: measure(top1.raw),
    centered: measure(top1.centered),
    difference: difference && ownsDifference ? measure(difference.attribution) : null,
  };
}
