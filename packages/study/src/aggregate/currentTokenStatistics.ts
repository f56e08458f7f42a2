import type { AnalysisMeasures, CurrentTokenMeasure } from "../measures/types.ts";
import type { BootstrapOptions } from "../statistics/bootstrapInterval.ts";
import { proportion } from "../statistics/proportion.ts";
import { summarize } from "../statistics/summarize.ts";
import type { CurrentTokenStatistics } from "./types.ts";

/**
 * The embedding's push on the current token over the analyses that
 * followed it; null when none did.
 */
export function currentTokenStatistics(
  measures: readonly AnalysisMeasures[],
  options: BootstrapOptions,
): CurrentTokenStatistics | null {
  const pushes = measures
    .map((m) => m.currentToken)
    .filter((push): push is CurrentTokenMeasure => push !== null);
  if (pushes.length === 0) return null;

  const share = (test: (push: CurrentTokenMeasure) => boolean) =>
    proportion(pushes.filter(test).length, pushes.length, options.level);
  return {
    analyses: pushes.length,
    embedRaw: summarize(
      pushes.map((p) => p.embedRaw),
      options,
    ),
    embedCentered: summarize(
      pushes.map((p) => p.embedCentered),
      options,
    ),
    rawPositive: share((p) => p.embedRaw > 0),
    centeredPositive: share((p) => p.embedCentered > 0),
    currentOverTop1: share((p) => p.embedCentered > p.embedCenteredOnTop1),
    repeatedAsTop1: share((p) => p.rank === 1),
  };
}
