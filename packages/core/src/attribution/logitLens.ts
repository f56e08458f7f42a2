import type { PromptGraphOutputs } from "./attributeTargets.ts";
import type { DetailTarget } from "./detailTargets.ts";
import type { LensDepth, LogitLens } from "./types.ts";

/**
 * The logit lens: the graph's rows for depths 0 … L−1, and the model's own
 * output (the targets' final logits, ranks and probabilities) as depth L.
 *
 * @param outputs - one prompt's graph outputs, lens rows for depths 0 … n−1
 * @param nDetail - D, the detail axis of the graph's outputs
 * @param decode - token id to its text
 */
export function logitLens(
  outputs: PromptGraphOutputs,
  nDetail: number,
  targets: DetailTarget[],
  decode: (id: number) => string,
): LogitLens {
  const depths: LensDepth[] = outputs.lensTopIds.map((topTokenId, depth) => {
    const normalizer = outputs.lensLogNormalizers[depth] ?? NaN;
    return {
      depth,
      label: depth === 0 ? "embed" : `L${depth - 1}`,
      topTokenId,
      topToken: decode(topTokenId),
      topProbability: Math.exp((outputs.lensTopLogits[depth] ?? NaN) - normalizer),
      targets: targets.map(({ target, detail }) => {
        const logit = outputs.lensTargetLogits[depth * nDetail + detail] ?? NaN;
        return {
          tokenId: target.tokenId,
          logit,
          probability: Math.exp(logit - normalizer),
          rank: outputs.lensTargetRanks[depth * nDetail + detail] ?? NaN,
        };
      }),
    };
  });
  depths.push(finalDepth(depths.length, targets));

  return {
    targets: targets.map(({ target }) => ({
      tokenId: target.tokenId,
      token: target.token,
    })),
    depths,
    settlesAt: targets.map((_, i) => settlesAt(depths, i)),
  };
}

function finalDepth(depth: number, targets: DetailTarget[]): LensDepth {
  const first = targets.find(({ target }) => target.rank === 1)?.target;
  return {
    depth,
    label: `L${depth - 1}`,
    topTokenId: first?.tokenId ?? -1,
    topToken: first?.token ?? "",
    topProbability: first?.probability ?? NaN,
    targets: targets.map(({ target }) => ({
      tokenId: target.tokenId,
      logit: target.logit,
      probability: target.probability,
      rank: target.rank,
    })),
  };
}

/** The first depth from which target `i` is ranked first at every later depth. */
function settlesAt(depths: LensDepth[], i: number): number | null {
  let settled: number | null = null;
  for (const depth of depths) {
    if (depth.targets[i]?.rank === 1) settled ??= depth.depth;
    else settled = null;
  }
  return settled;
}
