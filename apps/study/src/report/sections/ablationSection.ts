import type { GroupStatistics } from "@attrib/study";

import { fraction, medianWithInterval, quartileRange, signed, table } from "../format.ts";

/** Total effect: removing the final MLP, per model and mode. */
export function ablationSection(groups: GroupStatistics[]): string {
  return [
    "## Total effect: removing the final MLP",
    "",
    "The shares above are direct effects. Ablation measures the total effect: the " +
      "final MLP's write is replaced (zero: by nothing; mean: by its mean write over " +
      "reference text, which the converter stores) and the model's output recomputed. " +
      "Downstream of the final MLP there is only the final norm, so total minus direct " +
      "effect is what re-normalizing the residual adds. The logit change is not " +
      "invariant to shifts shared by all tokens; the log-probability change is.",
    "",
    table(
      [
        "model",
        "mode",
        "prompts",
        "top-1 token changes",
        "Δ logit: median [95% CI]",
        "Δ log p: median [95% CI]",
        "Δ p: median (IQR)",
        "direct effect: median",
        "total − direct: median",
      ],
      groups.flatMap((group) =>
        group.ablations.map((a) => [
          group.label,
          a.mode,
          String(a.analyses),
          fraction(a.topTokenChanged),
          medianWithInterval(a.logitChange, (v) => signed(v)),
          medianWithInterval(a.logProbabilityChange, (v) => signed(v)),
          `${signed(a.probabilityChange.median, 3)} (${quartileRange(a.probabilityChange, (v) => signed(v, 3))})`,
          signed(a.directEffect.median),
          signed(a.indirectEffect.median),
        ]),
      ),
    ),
    "",
  ].join("\n");
}
