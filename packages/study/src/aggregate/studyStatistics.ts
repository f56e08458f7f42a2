import type { AnalysisMeasures } from "../measures/types.ts";
import type { BootstrapOptions } from "../statistics/bootstrapInterval.ts";
import { groupStatistics } from "./groupStatistics.ts";
import type { GroupStatistics } from "./types.ts";

export interface StudyStatistics {
  /** One group per model, by name. */
  byModel: GroupStatistics[];
  /** Weight-tied models pooled, then untied ones, where there are any. */
  byTying: GroupStatistics[];
}

/**
 * The study's statistics per model and per kind of model (tied or untied).
 *
 * @param options - the bootstrap's seed, resamples and level
 */
export function studyStatistics(
  measures: readonly AnalysisMeasures[],
  options: BootstrapOptions,
): StudyStatistics {
  const models = [...new Set(measures.map((m) => m.model))].sort();
  const byModel = models.map((model) =>
    groupStatistics(
      model,
      measures.filter((m) => m.model === model),
      options,
    ),
  );
  const byTying = [true, false].flatMap((tied) => {
    const group = measures.filter((m) => m.tiedEmbeddings === tied);
    if (group.length === 0) return [];
    return [groupStatistics(tied ? "weight-tied" : "untied", group, options)];
  });
  return { byModel, byTying };
}

/**
 * Version of {@link StudyStatistics}'s shape as published to the store:
 * raise it when the shape changes, so the dashboard never reads a report
 * of another shape as this one.
 */
export const STUDY_STATISTICS_FORMAT = 1;
