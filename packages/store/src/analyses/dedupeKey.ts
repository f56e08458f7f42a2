import { createHash } from "node:crypto";

import type { AnalysisQuestion } from "../types.ts";

/**
 * The key under which the newest answer to a question is found again:
 * sha256 of the model, text, k and the set of named targets.
 */
export function dedupeKey(question: AnalysisQuestion): string {
  const targets = [...new Set(question.targets)].sort();
  const canonical = JSON.stringify([question.model, question.text, question.k, targets]);
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
