import type { AblationMode } from "@attrib/core";

import type { ShareMethod } from "../measures/types.ts";
import type { Histogram } from "../statistics/histogram.ts";
import type { PairedComparison } from "../statistics/pairedComparison.ts";
import type { Proportion } from "../statistics/proportion.ts";
import type { Summary } from "../statistics/summarize.ts";

/** The final MLP's part of the top-1 token under one method, over a group. */
export interface MethodStatistics {
  method: ShareMethod;
  /** What the final MLP wrote, in logit units. */
  value: Summary;
  /** Undefined (total near zero) shares are counted in `undefined`. */
  signedShare: Summary;
  absoluteShare: Summary;
  /** Defined signed shares above 50%. */
  signedMajority: Proportion;
  /** Defined signed shares from 60% to 90% (see CLAIMED_SHARE_RANGE). */
  signedInClaimedRange: Proportion;
  signedHistogram: Histogram;
  absoluteHistogram: Histogram;
}

/** Two methods applied to the same analyses. */
export interface MethodComparison {
  first: ShareMethod;
  second: ShareMethod;
  signedShare: PairedComparison;
  absoluteShare: PairedComparison;
}

/** Removing the final MLP one way, over a group. */
export interface AblationStatistics {
  mode: AblationMode;
  analyses: number;
  logitChange: Summary;
  logProbabilityChange: Summary;
  probabilityChange: Summary;
  directEffect: Summary;
  /** Total minus direct effect on the logit: what the final norm's rescaling adds. */
  indirectEffect: Summary;
  topTokenChanged: Proportion;
}

/** The embedding's push on the prompt's last token, over a group. */
export interface CurrentTokenStatistics {
  analyses: number;
  embedRaw: Summary;
  embedCentered: Summary;
  /** Embedding's raw contribution to the current token > 0. */
  rawPositive: Proportion;
  /** … on the centered logit > 0: it favours the current token over the average one. */
  centeredPositive: Proportion;
  /** Its centered push on the current token exceeds its push on the top-1 token. */
  currentOverTop1: Proportion;
  /** The model predicts the current token again as its top-1. */
  repeatedAsTop1: Proportion;
}

/** Where the lens first ranks the final top-1 token first, over a group. */
export interface LensStatistics {
  analyses: number;
  /** Depth 0 is the embedding, nLayers the output; mixed models differ in depth. */
  firstTopDepth: Summary;
  /** firstTopDepth / nLayers, comparable across models. */
  firstTopFraction: Summary;
  settledFraction: Summary;
  /** Ranked first only at the output: the last layer made it the top token. */
  onlyAtOutput: Proportion;
}

/** Everything the study reports for one group of analyses. */
export interface GroupStatistics {
  label: string;
  models: string[];
  /** Whether the group's models tie embedding and unembedding; null if mixed. */
  tiedEmbeddings: boolean | null;
  analyses: number;
  top1Probability: Summary;
  /** Per method, in the order of `shareMethods`. */
  finalMlp: Record<ShareMethod, MethodStatistics>;
  methodComparisons: MethodComparison[];
  ablations: AblationStatistics[];
  currentToken: CurrentTokenStatistics | null;
  lens: LensStatistics | null;
}
