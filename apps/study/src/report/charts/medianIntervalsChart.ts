import type { ChartElement, ChartNode } from "@attrib/core";
import { type GroupStatistics, shareMethodLabels, shareMethods } from "@attrib/study";

import { percent } from "../format.ts";
import { chartColors, methodColors } from "./chartPalette.ts";
import { h } from "./element.ts";

export const INTERVALS_WIDTH = 1200;
const LABEL_WIDTH = 420;
const PLOT_WIDTH = 700;
const ROW_HEIGHT = 34;
const AXIS = { lower: -0.5, upper: 2 };

/** The chart's height for a number of groups: a title, one row per method and group, an axis. */
export function medianIntervalsHeight(groups: number): number {
  return 150 + groups * (4 * ROW_HEIGHT + 30);
}

/**
 * The headline figure: per group and method, the median signed share of
 * the final MLP (dot), its 95% bootstrap interval (thick bar) and the
 * interquartile range (thin line), on one axis.
 */
export function medianIntervalsChart(groups: GroupStatistics[]): ChartElement {
  const x = (value: number) =>
    ((Math.min(AXIS.upper, Math.max(AXIS.lower, value)) - AXIS.lower) /
      (AXIS.upper - AXIS.lower)) *
    PLOT_WIDTH;
  const guide = (value: number): ChartNode =>
    h({
      position: "absolute",
      left: x(value),
      top: 0,
      width: 1,
      height: ROW_HEIGHT,
      backgroundColor: chartColors.axis,
    });

  const rows = groups.flatMap((group) => [
    h(
      { fontSize: 20, fontWeight: 700, color: chartColors.text, marginTop: 12 },
      group.label,
    ),
    ...shareMethods.map((name) => {
      const method = group.finalMlp[name];
      const summary = method.signedShare;
      const color = methodColors[method.method];
      const marks: ChartNode[] = [guide(0), guide(0.5), guide(1)];
      if (summary.q1 !== null && summary.q3 !== null) {
        marks.push(span(x(summary.q1), x(summary.q3), 2, color));
      }
      if (summary.medianInterval) {
        const { lower, upper } = summary.medianInterval;
        marks.push(span(x(lower), x(upper), 10, color));
      }
      if (summary.median !== null) {
        marks.push(dot(x(summary.median)));
      }
      return h({ height: ROW_HEIGHT, alignItems: "center" }, [
        h(
          { width: LABEL_WIDTH, fontSize: 16, color: chartColors.text },
          `${shareMethodLabels[method.method]}: ${percent(summary.median)}`,
        ),
        h({ position: "relative", width: PLOT_WIDTH, height: ROW_HEIGHT }, marks),
      ]);
    }),
  ]);
  const ticks = [-0.5, 0, 0.5, 1, 1.5, 2].map((tick) =>
    h(
      {
        position: "absolute",
        left: LABEL_WIDTH + x(tick) - 30,
        width: 60,
        justifyContent: "center",
      },
      percent(tick, 0),
    ),
  );

  return h(
    {
      flexDirection: "column",
      width: INTERVALS_WIDTH,
      height: medianIntervalsHeight(groups.length),
      padding: 24,
      backgroundColor: chartColors.background,
      fontFamily: "Inter",
    },
    [
      h(
        { fontSize: 26, fontWeight: 700, color: chartColors.text },
        "Final MLP's signed share of the top-1 token's logit, by method",
      ),
      h(
        { fontSize: 16, color: chartColors.muted, marginTop: 4 },
        "dot: median · thick bar: 95% bootstrap interval of the median · thin line: " +
          "interquartile range · axis clipped to −50% … 200%",
      ),
      h({ flexDirection: "column", marginTop: 6 }, rows),
      h(
        { position: "relative", height: 24, fontSize: 14, color: chartColors.muted },
        ticks,
      ),
    ],
  );
}

function span(from: number, to: number, height: number, color: string): ChartNode {
  return h({
    position: "absolute",
    left: from,
    top: (ROW_HEIGHT - height) / 2,
    width: Math.max(2, to - from),
    height,
    backgroundColor: color,
    opacity: height > 2 ? 0.55 : 1,
  });
}

function dot(at: number): ChartNode {
  return h({
    position: "absolute",
    left: at - 6,
    top: ROW_HEIGHT / 2 - 6,
    width: 12,
    height: 12,
    borderRadius: 6,
    backgroundColor: chartColors.marker,
  });
}
