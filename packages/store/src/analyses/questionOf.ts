import type { AttributionResult } from "@attrib/core";

import type { AnalysisQuestion, Asked } from "../types.ts";
import { checkInteger, checkText } from "../validation/checkValue.ts";

/**
 * The question a result answers. Model and text come from the result; k and
 * the named targets too, unless given as the requester typed them.
 *
 * @throws {@link StoreError} INVALID_INPUT for a bad k or target
 */
export function questionOf(
  result: AttributionResult,
  asked: Asked = {},
): AnalysisQuestion {
  const k = asked.k ?? result.targets.filter((t) => t.source !== "named").length;
  const targets =
    asked.targets ?? result.targets.filter((t) => t.source !== "top").map((t) => t.token);
  checkInteger(k, "k", 1);
  targets.forEach((target, i) => checkText(target, `targets[${i}]`, 1));
  return { model: result.model.name, text: result.prompt.text, k, targets };
}
