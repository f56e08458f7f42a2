import { type GroupStatistics, shareMethodLabels } from "@attrib/study";

import { fraction, medianWithInterval, percent, plain, table } from "../format.ts";

/** How much the answer depends on the method: paired differences per model. */
export function sensitivitySection(groups: GroupStatistics[]): string {
  const parts = [
    "## How much the answer depends on the method",
    "",
    "Each pair of methods measured on the same prompts: the median of the " +
      "per-prompt difference of the final MLP's signed share (first − second) with " +
      "its bootstrap interval, how often the first is larger, and Spearman's rank " +
      "correlation (do the methods at least order the prompts alike?). Prompts where " +
      "either share is undefined are left out and counted.",
    "",
  ];
  for (const group of groups) {
    parts.push(
      `### ${group.label}`,
      "",
      table(
        [
          "first − second",
          "pairs (left out)",
          "median difference [95% CI]",
          "first > second",
          "Spearman ρ",
          "absolute share: median difference",
        ],
        group.methodComparisons.map((c) => [
          `${shareMethodLabels[c.first]} − ${shareMethodLabels[c.second]}`,
          `${c.signedShare.pairs} (${c.signedShare.unpaired})`,
          medianWithInterval(c.signedShare.difference, percent),
          fraction(c.signedShare.firstGreater),
          plain(c.signedShare.rankCorrelation),
          medianWithInterval(c.absoluteShare.difference, percent),
        ]),
      ),
      "",
    );
  }
  return parts.join("\n");
}
