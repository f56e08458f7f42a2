import type { ToolAnalysis } from "./benchWorker.ts";

/** How far one tool's numbers are from the float64 reference's. */
export interface Agreement {
  /** Largest |contribution − reference| over prompts, shared targets, components; null for a tool that splits nothing. */
  maxContributionDiff: number | null;
  /** Largest |logit − reference| over prompts and shared targets. */
  maxLogitDiff: number;
  /** Reference top tokens the tool also reported (matched by id). */
  comparedTargets: number;
  /** Reference top tokens missing from the tool's top list (near ties). */
  missingTargets: number;
  /** Prompts the tool tokenized differently from the reference. */
  tokenMismatches: number;
}

/**
 * Compares a tool's analyses with the reference's, prompt by prompt; targets
 * are matched by token id, since tools may order near ties differently.
 */
export function agreement(tool: ToolAnalysis[], reference: ToolAnalysis[]): Agreement {
  const result: Agreement = {
    maxContributionDiff: null,
    maxLogitDiff: 0,
    comparedTargets: 0,
    missingTargets: 0,
    tokenMismatches: 0,
  };
  reference.forEach((expected, p) => {
    const actual = tool[p];
    if (!actual) return;
    if (actual.inputIds.join(",") !== expected.inputIds.join(","))
      result.tokenMismatches++;
    expected.targetIds.forEach((id, j) => {
      const column = actual.targetIds.indexOf(id);
      if (column < 0) {
        result.missingTargets++;
        return;
      }
      result.comparedTargets++;
      const logitDiff = Math.abs(
        (actual.logits[column] ?? NaN) - (expected.logits[j] ?? NaN),
      );
      result.maxLogitDiff = worse(result.maxLogitDiff, logitDiff);
      if (actual.contributions.length === 0) return;
      expected.contributions.forEach((row, c) => {
        const diff = Math.abs(
          (actual.contributions[c]?.[column] ?? NaN) - (row[j] ?? NaN),
        );
        result.maxContributionDiff = worse(result.maxContributionDiff ?? 0, diff);
      });
    });
  });
  return result;
}

/** The larger of two differences, NaN counting as the worst. */
function worse(a: number, b: number): number {
  return Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b);
}

/** Both agreements' worst values, for a tool checked unbatched and batched. */
export function combined(a: Agreement, b: Agreement): Agreement {
  const contribution =
    a.maxContributionDiff === null || b.maxContributionDiff === null
      ? (a.maxContributionDiff ?? b.maxContributionDiff)
      : worse(a.maxContributionDiff, b.maxContributionDiff);
  return {
    maxContributionDiff: contribution,
    maxLogitDiff: worse(a.maxLogitDiff, b.maxLogitDiff),
    comparedTargets: a.comparedTargets + b.comparedTargets,
    missingTargets: a.missingTargets + b.missingTargets,
    tokenMismatches: a.tokenMismatches + b.tokenMismatches,
  };
}
