import type { AttributionResult } from "@attrib/core";

import { ablationMeasures } from "./ablationMeasures.ts";
import { lensMeasure } from "./lensMeasure.ts";
import { topTarget } from "./topTarget.ts";
import type { AnalysisDetail } from "./types.ts";

/**
 * The lens and ablation measures of a live result, which the shared store
 * does not keep: the study records them beside the stored analysis.
 *
 * @throws {@link StudyError} INCOMPLETE_ANALYSIS without a rank-1 target
 */
export function analysisDetail(result: AttributionResult): AnalysisDetail {
  const top1 = topTarget(result);
  return { lens: lensMeasure(result, top1), ablations: ablationMeasures(result, top1) };
}
