import { contributionSet } from "./contributionSet.ts";
import { rankOf } from "./rankOf.ts";
import type { TargetAttribution } from "./types.ts";

/**
 * What the attribution graph returns for one prompt, batch dimension
 * removed. D is the number of detail columns, n of lens depths.
 */
export interface PromptGraphOutputs {
  logits: Float32Array; // [d_vocab]
  targetIds: number[]; // [T]
  finalNormScale: number;
  /** log Σ_v exp(logit_v), computed in the graph. */
  logNormalizer: number;
  contributions: Float32Array; // [C, T]
  centeredContributions: Float32Array; // [C, T]
  roughContributions: Float32Array; // [C, T]
  meanWriteContributions: Float32Array; // [C, T]
  headContributions: Float32Array; // [L, H, D]
  neuronActivations: Float32Array; // [L, d_mlp]
  neuronContributions: Float32Array; // [L, d_mlp, D]
  lensTopIds: number[]; // [n]
  lensTopLogits: Float32Array; // [n]
  lensLogNormalizers: Float32Array; // [n]
  lensTargetLogits: Float32Array; // [n, D]
  lensTargetRanks: number[]; // [n, D]
}

/** Which graph targets to report, and where each came from. */
export interface TargetRequest {
  /** Index into the graph's target list. */
  column: number;
  source: TargetAttribution["source"];
}

function column(matrix: Float32Array, nComponents: number, nTargets: number, j: number) {
  const values = new Array<number>(nComponents);
  for (let c = 0; c < nComponents; c++) values[c] = matrix[c * nTargets + j] ?? NaN;
  return values;
}

/**
 * 1-based rank of `tokenId` by logit (1 + how many tokens have a strictly
 * larger logit). A token among the graph's sorted top `nTop` is ranked
 * from that list alone, since every token with a larger logit comes before
 * it there; any other token by a pass over the vocabulary.
 */
function targetRank(outputs: PromptGraphOutputs, nTop: number, tokenId: number): number {
  const position = outputs.targetIds.slice(0, nTop).indexOf(tokenId);
  if (position < 0) return rankOf(outputs.logits, tokenId);
  const logit = outputs.logits[tokenId] ?? NaN;
  let above = 0;
  for (let j = 0; j < position; j++) {
    if ((outputs.logits[outputs.targetIds[j] ?? -1] ?? -Infinity) > logit) above++;
  }
  return above + 1;
}

/**
 * Turns graph outputs into per-target attributions with shares, probability,
 * rank and the identity error.
 *
 * @param outputs - one prompt's graph outputs
 * @param nComponents - C, the number of components
 * @param nTop - how many of the graph's targets are its sorted top tokens
 *   (the manifest's `topKMax`)
 * @param requests - which target columns to report
 * @param decode - token id to its text
 */
export function attributeTargets(
  outputs: PromptGraphOutputs,
  nComponents: number,
  nTop: number,
  requests: TargetRequest[],
  decode: (id: number) => string,
): TargetAttribution[] {
  const nTargets = outputs.targetIds.length;

  return requests.map(({ column: j, source }) => {
    const tokenId = outputs.targetIds[j] ?? -1;
    const logit = outputs.logits[tokenId] ?? NaN;
    const raw = contributionSet(
      "raw",
      column(outputs.contributions, nComponents, nTargets, j),
    );
    return {
      tokenId,
      token: decode(tokenId),
      rank: targetRank(outputs, nTop, tokenId),
      logit,
      probability: Math.exp(logit - outputs.logNormalizer),
      source,
      raw,
      centered: contributionSet(
        "centered",
        column(outputs.centeredContributions, nComponents, nTargets, j),
      ),
      rough: contributionSet(
        "rough",
        column(outputs.roughContributions, nComponents, nTargets, j),
      ),
      identityError: Math.abs(raw.total - logit),
    };
  });
}
