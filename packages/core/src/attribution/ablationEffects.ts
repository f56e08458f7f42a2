import type { Ablation, AblationMode, TargetAttribution } from "./types.ts";

/** The ablated run's logits, as the graph returns them for its row. */
export interface AblatedLogits {
  logits: Float32Array; // [d_vocab]
  /** log Σ_v exp(logit_v) */
  logNormalizer: number;
  /** The token with the largest logit. */
  topTokenId: number;
}

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
 * @param ablated - the ablated forward's logits
 * @param decode - token id to its text
 */
export function ablationEffects(
  request: AblationRequest,
  targets: TargetAttribution[],
  meanWriteContribution: (tokenId: number) => number,
  ablated: AblatedLogits,
  decode: (id: number) => string,
): Ablation {
  const { logits: ablatedLogits, logNormalizer, topTokenId } = ablated;

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
