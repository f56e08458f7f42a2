import type { AnalysisMeasures, LensMeasure } from "../measures/types.ts";
import type { BootstrapOptions } from "../statistics/bootstrapInterval.ts";
import { proportion } from "../statistics/proportion.ts";
import { summarize } from "../statistics/summarize.ts";
import type { LensStatistics } from "./types.ts";

/** Where the lens first sees the final top-1 token; null when no analysis has a lens. */
export function lensStatistics(
  measures: readonly AnalysisMeasures[],
  options: BootstrapOptions,
): LensStatistics | null {
  const lenses = measures
    .map((m) => m.lens)
    .filter((lens): lens is LensMeasure => lens !== null);
  if (lenses.length === 0) return null;

  return {
    analyses: lenses.length,
    firstTopDepth: summarize(
      lenses.map((l) => l.firstTopDepth),
      options,
    ),
    firstTopFraction: summarize(
      lenses.map((l) => l.firstTopDepth / l.nLayers),
      options,
    ),
    settledFraction: summarize(
      lenses.map((l) => l.settledDepth / l.nLayers),
      options,
    ),
    onlyAtOutput: proportion(
      lenses.filter((l) => l.firstTopDepth === l.nLayers).length,
      lenses.length,
      options.level,
    ),
  };
}
