import type { AblationMode } from "@attrib/core";

/** The splits of the top-1 token's logit the study compares. */
export const shareMethods = ["rough", "raw", "centered", "difference"] as const;
export type ShareMethod = (typeof shareMethods)[number];

/** What each method splits, in words for tables and charts. */
export const shareMethodLabels: Record<ShareMethod, string> = {
  rough: "rough (pre-norm, normalized row)",
  raw: "exact raw logit",
  centered: "exact centered logit",
  difference: "exact logit difference top-1 − top-2",
};

/** The final MLP's part of one split. */
export interface ShareMeasure {
  /** What the final MLP wrote. */
  value: number;
  /** What all components wrote together. */
  total: number;
  /**
   * value / total; null when the total is near zero relative to the
   * absolute mass, where a signed share means nothing.
   */
  signedShare: number | null;
  /** |value| / Σ|value|. */
  absoluteShare: number;
}

/** What removing the final MLP did to the top-1 token (its total effect). */
export interface AblationMeasure {
  mode: AblationMode;
  /** Ablated − clean logit, everything downstream (the final norm) recomputed. */
  logitChange: number;
  /** ln p(ablated) − ln p(clean): unlike the logit, blind to a shift of all tokens. */
  logProbabilityChange: number;
  probabilityChange: number;
  /** The change the final MLP's direct write accounts for with the scale frozen. */
  directEffect: number;
  /** Whether another token became the most likely one. */
  topTokenChanged: boolean;
}

/** Where the logit lens first sees the model's final top-1 token. */
export interface LensMeasure {
  /** Depths run from 0 (the embedding alone) to nLayers (the model's output). */
  nLayers: number;
  /** The first depth at which the lens ranks the final top-1 token first. */
  firstTopDepth: number;
  /** The depth from which it stays first up to the output. */
  settledDepth: number;
  /** Its lens rank after all layers but the last (depth nLayers − 1). */
  rankBeforeLastLayer: number;
}

/** The embedding's direct push on the prompt's last token itself. */
export interface CurrentTokenMeasure {
  tokenId: number;
  token: string;
  /** The embedding's exact raw contribution to the current token's logit. */
  embedRaw: number;
  /** The same on the centered logit: relative to the average token. */
  embedCentered: number;
  /** The current token's rank in the model's own next-token prediction. */
  rank: number;
  /** The embedding's raw contribution to the top-1 token, for scale. */
  embedRawOnTop1: number;
  /** The embedding's centered contribution to the top-1 token, for scale. */
  embedCenteredOnTop1: number;
}

/**
 * What the study keeps of an analysis that the shared store does not: the
 * lens and ablation measures, taken from the live result.
 */
export interface AnalysisDetail {
  lens: LensMeasure | null;
  ablations: AblationMeasure[];
}

/** Everything the study measures on one analysis of one prompt by one model. */
export interface AnalysisMeasures {
  model: string;
  tiedEmbeddings: boolean;
  nLayers: number;
  promptId: string;
  /** `fortune`, or the curated set's category (`factual`, `code`, `narrative`). */
  promptSource: string;
  promptTokens: number;
  /** |Σ raw contributions − logit|, the largest over the analysis's targets. */
  identityError: number;
  top1: { tokenId: number; token: string; logit: number; probability: number };
  /** Per method; `difference` is null when there is no top-2 token. */
  finalMlp: Record<ShareMethod, ShareMeasure | null>;
  /** Null when the current token was not among the analysed targets. */
  currentToken: CurrentTokenMeasure | null;
  lens: LensMeasure | null;
  ablations: AblationMeasure[];
}
