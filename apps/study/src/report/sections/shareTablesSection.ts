import { type GroupStatistics, shareMethodLabels } from "@attrib/study";

import type { ReportFigures } from "../reportInput.ts";
import {
  fraction,
  medianWithInterval,
  percent,
  plain,
  quartileRange,
  signed,
  table,
} from "../format.ts";
import { methodsOf } from "./groupFacts.ts";

/** Per model: the final MLP's shares under each method, with the histograms. */
export function shareTablesSection(
  groups: GroupStatistics[],
  figures: ReportFigures,
): string {
  const parts = ["## The final MLP's share of the top-1 token, per model", ""];
  parts.push(`![Medians and intervals per method and model](${figures.headline})`, "");
  for (const group of groups) {
    parts.push(`### ${group.label}`, "", shareTable(group), "", valueTable(group), "");
    const images = figures.perModel.get(group.label);
    if (images) {
      parts.push(
        `![Signed shares of ${group.label} by method](${images.signed})`,
        "",
        `![Absolute shares of ${group.label} by method](${images.absolute})`,
        "",
      );
    }
  }
  return parts.join("\n");
}

function shareTable(group: GroupStatistics): string {
  return table(
    [
      "method",
      "signed share: median [95% CI]",
      "IQR",
      "mean",
      "defined / undefined",
      "> 50%",
      "in 60–90%",
      "absolute share: median [95% CI]",
      "IQR",
    ],
    methodsOf(group).map((m) => [
      shareMethodLabels[m.method],
      medianWithInterval(m.signedShare, percent),
      quartileRange(m.signedShare, percent),
      percent(m.signedShare.mean),
      `${m.signedShare.defined} / ${m.signedShare.undefined}`,
      fraction(m.signedMajority),
      fraction(m.signedInClaimedRange),
      medianWithInterval(m.absoluteShare, percent),
      quartileRange(m.absoluteShare, percent),
    ]),
  );
}

function valueTable(group: GroupStatistics): string {
  return table(
    ["method", "final MLP's contribution: median [95% CI]", "IQR", "range"],
    methodsOf(group).map((m) => [
      shareMethodLabels[m.method],
      medianWithInterval(m.value, (v) => signed(v)),
      quartileRange(m.value, (v) => signed(v)),
      `${plain(m.value.min)} … ${plain(m.value.max)}`,
    ]),
  );
}
