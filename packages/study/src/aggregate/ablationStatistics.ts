import type { AblationMode } from "@attrib/core";

import type { AblationMeasure, AnalysisMeasures } from "../measures/types.ts";
import type { BootstrapOptions } from "../statistics/bootstrapInterval.ts";
import { proportion } from "../statistics/proportion.ts";
import { summarize } from "../statistics/summarize.ts";
import type { AblationStatistics } from "./types.ts";

/**
 * The total effect of removing the final MLP, per ablation mode found among
 * the analyses; an analysis without that mode is left out of its statistics
 * and its `analyses` count says how many had it.
 */
export function ablationStatistics(
  measures: readonly AnalysisMeasures[],
  options: BootstrapOptions,
): AblationStatistics[] {
  const modes = new Set(measures.flatMap((m) => m.ablations.map((a) => a.mode)));
  return [...modes].sort().map((mode) => statisticsOf(mode, measures, options));
}

function statisticsOf(
  mode: AblationMode,
  measures: readonly AnalysisMeasures[],
  options: BootstrapOptions,
): AblationStatistics {
  const effects = measures.flatMap((m) => m.ablations.filter((a) => a.mode === mode));
  const summary = (pick: (effect: AblationMeasure) => number) =>
    summarize(effects.map(pick), options);
  return {
    mode,
    analyses: effects.length,
    logitChange: summary((e) => e.logitChange),
    logProbabilityChange: summary((e) => e.logProbabilityChange),
    probabilityChange: summary((e) => e.probabilityChange),
    directEffect: summary((e) => e.directEffect),
    indirectEffect: summary((e) => e.logitChange - e.directEffect),
    topTokenChanged: proportion(
      effects.filter((e) => e.topTokenChanged).length,
      effects.length,
      options.level,
    ),
  };
}
