import type { AttributionResult } from "@attrib/core";

import type { HeadContribution, LensLayer, NeuronContribution } from "./chartTypes.ts";

/**
 * A target's per-head and per-neuron contributions, when the analysis was
 * run with them (core computes them for its detail targets only, so other
 * targets have none).
 */
export function targetDrillDown(
  result: AttributionResult,
  tokenId: number,
): { heads: HeadContribution[] | null; neurons: NeuronContribution[] | null } {
  const heads = result.heads?.targets.find((target) => target.tokenId === tokenId);
  const neurons = result.neurons?.targets.find((target) => target.tokenId === tokenId);
  return {
    heads: heads
      ? heads.values.flatMap((row, layer) =>
          row.map((value, head) => ({ layer, head, value })),
        )
      : null,
    neurons: neurons
      ? [...neurons.top.positive, ...neurons.top.negative].map(
          ({ layer, neuron, value }) => ({ layer, neuron, value }),
        )
      : null,
  };
}

/** The analysis's logit lens by depth (0 = the embedding alone), when it has one. */
export function resultLens(result: AttributionResult): LensLayer[] | null {
  const lens = result.lens;
  if (!lens || lens.depths.length === 0) return null;
  return lens.depths.map((depth) => ({
    layer: depth.depth,
    label: depth.label,
    topToken: depth.topToken,
    targets: depth.targets.map((target, i) => ({
      token: lens.targets[i]?.token ?? String(target.tokenId),
      rank: target.rank,
      probability: target.probability,
    })),
  }));
}
