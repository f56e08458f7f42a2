import type { AttributionResult, TargetAttribution } from "@attrib/core";

import type { LensMeasure } from "./types.ts";

/**
 * Where the logit lens first ranks the model's final top-1 token first.
 *
 * @param result - an analysis run with the lens
 * @param top1 - its rank-1 target
 * @returns null when the analysis has no lens, or the lens did not follow
 *   the top-1 token
 */
export function lensMeasure(
  result: Pick<AttributionResult, "lens" | "model">,
  top1: TargetAttribution,
): LensMeasure | null {
  const lens = result.lens;
  const followed = lens?.targets.findIndex((target) => target.tokenId === top1.tokenId);
  if (!lens || followed === undefined || followed < 0) return null;

  const nLayers = result.model.nLayers;
  const rankAt = (depth: number) =>
    lens.depths.find((d) => d.depth === depth)?.targets[followed]?.rank ?? NaN;
  const firstTop = lens.depths.find((depth) => depth.targets[followed]?.rank === 1);
  return {
    nLayers,
    firstTopDepth: firstTop?.depth ?? nLayers,
    settledDepth: lens.settlesAt[followed] ?? nLayers,
    rankBeforeLastLayer: rankAt(nLayers - 1),
  };
}
