import type { ChartElement } from "@attrib/core";
import type { Histogram } from "@attrib/study";

import { percent } from "../format.ts";
import { chartColors } from "./chartPalette.ts";
import { h } from "./element.ts";

export const PANEL_WIDTH = 560;
const PLOT_WIDTH = 500;
const PLOT_HEIGHT = 170;

export interface HistogramPanelInput {
  title: string;
  color: string;
  histogram: Histogram;
  /** Drawn as a vertical line. */
  median: number | null;
  /** Values on the x axis to label. */
  ticks: number[];
  /** Under the plot: counts, undefined shares, values out of range. */
  note: string;
}

/**
 * One histogram: bars per bin scaled to the fullest bin, the median as a
 * line, the axis labelled as percentages.
 */
export function histogramPanel(input: HistogramPanelInput): ChartElement {
  const { bins } = input.histogram;
  const lower = bins[0]?.lower ?? 0;
  const upper = bins.at(-1)?.upper ?? 1;
  const x = (value: number) =>
    ((Math.min(upper, Math.max(lower, value)) - lower) / (upper - lower)) * PLOT_WIDTH;
  const tallest = Math.max(1, ...bins.map((bin) => bin.count));
  const barWidth = PLOT_WIDTH / Math.max(1, bins.length);

  const bars = bins.map((bin) =>
    h({ width: barWidth, height: PLOT_HEIGHT, alignItems: "flex-end" }, [
      h({
        width: Math.max(1, barWidth - 2),
        height: (bin.count / tallest) * PLOT_HEIGHT,
        backgroundColor: input.color,
      }),
    ]),
  );
  const median =
    input.median === null
      ? []
      : [
          h({
            position: "absolute",
            left: x(input.median) - 1,
            top: 0,
            width: 2,
            height: PLOT_HEIGHT,
            backgroundColor: chartColors.marker,
          }),
        ];
  const tickLabels = input.ticks.map((tick) =>
    h(
      { position: "absolute", left: x(tick) - 30, width: 60, justifyContent: "center" },
      percent(tick, 0),
    ),
  );

  return h({ flexDirection: "column", width: PANEL_WIDTH, padding: 10 }, [
    h({ fontSize: 20, fontWeight: 700, color: chartColors.text }, input.title),
    h(
      {
        position: "relative",
        width: PLOT_WIDTH,
        height: PLOT_HEIGHT,
        marginTop: 8,
        borderBottom: `1px solid ${chartColors.axis}`,
      },
      [...bars, ...median],
    ),
    h(
      {
        position: "relative",
        width: PLOT_WIDTH,
        height: 20,
        fontSize: 13,
        color: chartColors.muted,
      },
      tickLabels,
    ),
    h({ fontSize: 14, color: chartColors.muted, marginTop: 4 }, input.note),
  ]);
}
