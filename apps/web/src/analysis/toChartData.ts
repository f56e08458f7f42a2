import {
  type AttributionResult,
  type ContributionSet,
  finalMlpIndex,
} from "@attrib/core";

import type { ChartData, ChartSplit } from "./chartTypes.ts";
import { resultLens, targetDrillDown } from "./drillDown.ts";
import { focusTarget } from "./focusTarget.ts";

function split(set: ContributionSet): ChartSplit {
  return {
    values: set.values,
    total: set.total,
    signedShares: set.signedShares,
    absoluteShares: set.absoluteShares,
  };
}

/** The numbers the interactive chart of an analysis needs, and nothing else. */
export function toChartData(result: AttributionResult): ChartData {
  const focus = focusTarget(result);
  const difference = result.topDifference;
  return {
    components: result.components.map(({ name, kind, layer }) => ({ name, kind, layer })),
    targets: result.targets.map((target) => ({
      token: target.token,
      rank: target.rank,
      probability: target.probability,
      logit: target.logit,
      source: target.source,
      identityError: target.identityError,
      splits: {
        raw: split(target.raw),
        centered: split(target.centered),
        rough: split(target.rough),
      },
      ...targetDrillDown(result, target.tokenId),
    })),
    difference: difference
      ? {
          positive: difference.positive.token,
          negative: difference.negative.token,
          split: split(difference.attribution),
        }
      : null,
    focus: focus ? result.targets.indexOf(focus) : 0,
    finalMlp: finalMlpIndex(result),
    lens: resultLens(result),
  };
}
