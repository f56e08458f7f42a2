import type { AnalysisMeasures } from "../measures/types.ts";
import type { BootstrapOptions } from "../statistics/bootstrapInterval.ts";
import { summarize } from "../statistics/summarize.ts";
import { ablationStatistics } from "./ablationStatistics.ts";
import { currentTokenStatistics } from "./currentTokenStatistics.ts";
import { lensStatistics } from "./lensStatistics.ts";
import { methodComparisons } from "./methodComparisons.ts";
import { methodStatistics } from "./methodStatistics.ts";
import type { GroupStatistics } from "./types.ts";

/**
 * Every statistic the study reports, over one group of analyses (one
 * model, or all weight-tied models pooled).
 *
 * @param label - the group's name in the report
 * @param options - the bootstrap's seed, resamples and level
 */
export function groupStatistics(
  label: string,
  measures: readonly AnalysisMeasures[],
  options: BootstrapOptions,
): GroupStatistics {
  const models = [...new Set(measures.map((m) => m.model))].sort();
  const tying = new Set(measures.map((m) => m.tiedEmbeddings));
  return {
    label,
    models,
    tiedEmbeddings: tying.size === 1 ? ([...tying][0] ?? null) : null,
    analyses: measures.length,
    top1Probability: summarize(
      measures.map((m) => m.top1.probability),
      options,
    ),
    finalMlp: {
      rough: methodStatistics(measures, "rough", options),
      raw: methodStatistics(measures, "raw", options),
      centered: methodStatistics(measures, "centered", options),
      difference: methodStatistics(measures, "difference", options),
    },
    methodComparisons: methodComparisons(measures, options),
    ablations: ablationStatistics(measures, options),
    currentToken: currentTokenStatistics(measures, options),
    lens: lensStatistics(measures, options),
  };
}
