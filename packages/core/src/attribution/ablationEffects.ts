import { logSumExp } from "./logProbabilities.ts";
import type { Ablation, AblationMode, TargetAttribution } from "./types.ts";

/** What a component's ablation is measured against. */
export interface AblationRequest {
  component: string;
  /** Its index among the manifest's components. */
  index: number;
  mode: AblationMode;
}

/**
 * The effect of one ablation on every target.
 *
 * @param request - which component, removed how
 * @param targets - the clean run's targets with their contributions
 * @param meanWriteContribution - `(m_c ⊙ g) · U[t] / s` of the clean run,
 *   by target token id
 * @param ablatedLogits - `[d_vocab]` of the ablated forward
 * @param decode - token id to its text
 */
export function ablationEffects(
  request: AblationRequest,
  targets: TargetAttribution[],
  meanWriteContribution: (tokenId: number) => number,
  ablatedLogits: Float32Array,
  decode: (id: number) => string,
): Ablation {
  const logNormalizer = logSumExp(ablatedLogits);
  let topTokenId = 0;
  ablatedLogits.forEach((logit, id) => {
    if (logit > (ablatedLogits[topTokenId] ?? -Infinity)) topTokenId = id;
  });

  return {
    component: request.component,
    mode: request.mode,
    topTokenId,
    topToken: decode(topTokenId),
    targets: targets.map((target) => {
      const ablatedLogit = ablatedLogits[target.tokenId] ?? NaN;
      const ablatedProbability = Math.exp(ablatedLogit - logNormalizer);
      const own = target.raw.values[request.index] ?? NaN;
      const replacement =
        request.mode === "mean" ? meanWriteContribution(target.tokenId) : 0;
      return {
        tokenId: target.tokenId,
        token: target.token,
        logit: target.logit,
        ablatedLogit,
        logitChange: ablatedLogit - target.logit,
        probability: target.probability,
        ablatedProbability,
        probabilityChange: ablatedProbability - target.probability,
        directEffect: replacement - own,
      };
    }),
  };
}
