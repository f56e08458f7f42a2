import {
  type AttributionResult,
  finalMlpIndex,
  type TargetAttribution,
} from "@attrib/core";

import type { AblationMeasure } from "./types.ts";

/**
 * The total effect on the top-1 token of removing the final MLP, for each
 * way it was removed in the analysis.
 *
 * @param result - an analysis run with ablations
 * @param top1 - its rank-1 target
 * @returns one measure per ablation of the final MLP; none without them
 */
export function ablationMeasures(
  result: Pick<AttributionResult, "ablations" | "components">,
  top1: TargetAttribution,
): AblationMeasure[] {
  const finalMlp = result.components[finalMlpIndex(result)]?.name;
  return (result.ablations ?? [])
    .filter((ablation) => ablation.component === finalMlp)
    .flatMap((ablation) => {
      const effect = ablation.targets.find((target) => target.tokenId === top1.tokenId);
      if (!effect) return [];
      return [
        {
          mode: ablation.mode,
          logitChange: effect.logitChange,
          logProbabilityChange:
            Math.log(effect.ablatedProbability) - Math.log(effect.probability),
          probabilityChange: effect.probabilityChange,
          directEffect: effect.directEffect,
          topTokenChanged: ablation.topTokenId !== top1.tokenId,
        },
      ];
    });
}
