import { type AttributionResult, finalMlpIndex } from "@attrib/core";

import { StudyError } from "../errors/StudyError.ts";
import { currentTokenPush } from "./currentTokenPush.ts";
import { finalMlpShares } from "./finalMlpShares.ts";
import { topTarget } from "./topTarget.ts";
import type { AnalysisDetail, AnalysisMeasures } from "./types.ts";

/** Which prompt an analysis is of. */
export interface PromptLabel {
  id: string;
  /** `fortune`, or the curated set's category. */
  source: string;
}

/**
 * Everything the study measures on one analysis.
 *
 * @param result - the analysis, as stored or as computed
 * @param detail - its lens and ablation measures, taken from the live result
 *   by `analysisDetail` (a stored result no longer has them)
 * @throws {@link StudyError} INCOMPLETE_ANALYSIS without a rank-1 target or
 * a final MLP
 */
export function measureAnalysis(
  result: AttributionResult,
  prompt: PromptLabel,
  detail: AnalysisDetail,
): AnalysisMeasures {
  const top1 = topTarget(result);
  if (finalMlpIndex(result) < 0) {
    throw new StudyError(
      "INCOMPLETE_ANALYSIS",
      `the analysis of ${result.model.name} has no MLP component to measure`,
    );
  }
  return {
    model: result.model.name,
    tiedEmbeddings: result.model.tiedEmbeddings,
    nLayers: result.model.nLayers,
    promptId: prompt.id,
    promptSource: prompt.source,
    promptTokens: result.prompt.tokenIds.length,
    identityError: result.identityError,
    top1: {
      tokenId: top1.tokenId,
      token: top1.token,
      logit: top1.logit,
      probability: top1.probability,
    },
    finalMlp: finalMlpShares(result, top1),
    currentToken: currentTokenPush(result, top1),
    lens: detail.lens,
    ablations: detail.ablations,
  };
}
