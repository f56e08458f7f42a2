import type { AttributionResult, TargetAttribution } from "@attrib/core";

import { StudyError } from "../errors/StudyError.ts";

/**
 * The analysis's most likely next token.
 *
 * @throws {@link StudyError} INCOMPLETE_ANALYSIS when no target has rank 1
 */
export function topTarget(result: Pick<AttributionResult, "targets">): TargetAttribution {
  const top1 = result.targets.find((target) => target.rank === 1);
  if (!top1) {
    throw new StudyError(
      "INCOMPLETE_ANALYSIS",
      "the analysis has no rank-1 target; analyse with k ≥ 1",
    );
  }
  return top1;
}
