import type { ChartElement } from "@attrib/core";
import { type GroupStatistics, shareMethodLabels, shareMethods } from "@attrib/study";

import { chartColors, methodColors } from "./chartPalette.ts";
import { h } from "./element.ts";
import { histogramPanel, PANEL_WIDTH } from "./histogramPanel.ts";

export const HISTOGRAMS_WIDTH = PANEL_WIDTH * 2 + 40;
export const HISTOGRAMS_HEIGHT = 640;

/**
 * A model's distribution of the final MLP's share of the top-1 token under
 * each method, as a 2 × 2 grid of histograms.
 *
 * @param kind - signed share of the total, or share of absolute contribution
 */
export function shareHistogramsChart(
  group: GroupStatistics,
  kind: "signed" | "absolute",
): ChartElement {
  const panels = shareMethods.map((name) => {
    const method = group.finalMlp[name];
    const summary = kind === "signed" ? method.signedShare : method.absoluteShare;
    const histogram =
      kind === "signed" ? method.signedHistogram : method.absoluteHistogram;
    const outside =
      histogram.below + histogram.above > 0
        ? `, ${histogram.below} below and ${histogram.above} above the axis`
        : "";
    return histogramPanel({
      title: shareMethodLabels[method.method],
      color: methodColors[method.method],
      histogram,
      median: summary.median,
      ticks: kind === "signed" ? [-1, -0.5, 0, 0.5, 1, 1.5, 2] : [0, 0.25, 0.5, 0.75, 1],
      note:
        kind === "signed"
          ? `${summary.defined} shares, ${summary.undefined} undefined (total near 0)` +
            `${outside}; line: median`
          : `${summary.defined} shares${outside}; line: median`,
    });
  });
  const title =
    kind === "signed"
      ? "Final MLP's signed share of the top-1 token's logit"
      : "Final MLP's share of absolute contribution to the top-1 token";

  return h(
    {
      flexDirection: "column",
      width: HISTOGRAMS_WIDTH,
      height: HISTOGRAMS_HEIGHT,
      padding: 20,
      backgroundColor: chartColors.background,
      fontFamily: "Inter",
    },
    [
      h({ fontSize: 26, fontWeight: 700, color: chartColors.text }, title),
      h(
        { fontSize: 18, color: chartColors.muted, marginTop: 4 },
        `${group.label} · ${group.analyses} prompts · by method`,
      ),
      h({ flexDirection: "row", flexWrap: "wrap", marginTop: 10 }, panels),
    ],
  );
}
