export { StudyError, isStudyError, studyErrorCodes } from "./errors/StudyError.ts";
export type { StudyErrorCode } from "./errors/StudyError.ts";
export { createRandom } from "./random/createRandom.ts";
export type { Random } from "./random/createRandom.ts";
export { randomInteger } from "./random/randomInteger.ts";
export { shuffled } from "./random/shuffled.ts";
export { quantile } from "./statistics/quantile.ts";
export { median } from "./statistics/median.ts";
export { mean } from "./statistics/mean.ts";
export { quartiles } from "./statistics/quartiles.ts";
export type { Quartiles } from "./statistics/quartiles.ts";
export {
  bootstrapInterval,
  DEFAULT_LEVEL,
  DEFAULT_RESAMPLES,
  medianOfSorted,
} from "./statistics/bootstrapInterval.ts";
export type {
  BootstrapOptions,
  ConfidenceInterval,
} from "./statistics/bootstrapInterval.ts";
export { histogram } from "./statistics/histogram.ts";
export type { BinSpec, Histogram, HistogramBin } from "./statistics/histogram.ts";
export { normalQuantile } from "./statistics/normalQuantile.ts";
export { proportion } from "./statistics/proportion.ts";
export type { Proportion } from "./statistics/proportion.ts";
export { ranks } from "./statistics/ranks.ts";
export { spearman } from "./statistics/spearman.ts";
export { summarize } from "./statistics/summarize.ts";
export type { Summary } from "./statistics/summarize.ts";
export { pairedComparison } from "./statistics/pairedComparison.ts";
export type { PairedComparison } from "./statistics/pairedComparison.ts";
export { shareMethods, shareMethodLabels } from "./measures/types.ts";
export type * from "./measures/types.ts";
export { analysisDetail } from "./measures/analysisDetail.ts";
export { measureAnalysis } from "./measures/measureAnalysis.ts";
export type { PromptLabel } from "./measures/measureAnalysis.ts";
export { finalMlpShares } from "./measures/finalMlpShares.ts";
export { currentTokenPush } from "./measures/currentTokenPush.ts";
export { lensMeasure } from "./measures/lensMeasure.ts";
export { ablationMeasures } from "./measures/ablationMeasures.ts";
export { topTarget } from "./measures/topTarget.ts";
export {
  ABSOLUTE_SHARE_BINS,
  CLAIMED_SHARE_RANGE,
  SIGNED_SHARE_BINS,
} from "./aggregate/shareBins.ts";
export { groupStatistics } from "./aggregate/groupStatistics.ts";
export { STUDY_STATISTICS_FORMAT, studyStatistics } from "./aggregate/studyStatistics.ts";
export type { StudyStatistics } from "./aggregate/studyStatistics.ts";
export type * from "./aggregate/types.ts";
