import { type ChartElement, type ChartNode, h } from "./element.ts";
import { CHART_HEIGHT, CHART_WIDTH } from "./layerChart.ts";
import { palette } from "./palette.ts";

/**
 * The 1200×630 frame every chart shares: a title, a muted subtitle, the
 * body, and a muted footnote.
 */
export function chartFrame(
  title: string,
  subtitle: string,
  body: ChartNode[],
  footnote: string,
): ChartElement {
  return h(
    "div",
    {
      flexDirection: "column",
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      padding: "32px 56px",
      backgroundColor: palette.background,
      fontFamily: "Inter",
      color: palette.text,
    },
    [
      h("div", { fontSize: 32, fontWeight: 700 }, title),
      h("div", { fontSize: 19, color: palette.muted, marginTop: 6 }, subtitle),
      h("div", { flexDirection: "column", marginTop: 20, flexGrow: 1 }, body),
      h("div", { fontSize: 16, color: palette.muted }, footnote),
    ],
  );
}
