import type { AttributionResult, TargetAttribution } from "../attribution/types.ts";
import { CHART_HEIGHT, CHART_WIDTH, layerChart } from "./layerChart.ts";
import { renderPng } from "./renderPng.ts";

/**
 * The per-layer chart of one target as a 1200×630 PNG, the size chat apps
 * and link previews show well.
 */
export function renderLayerChartPng(
  result: AttributionResult,
  target?: TargetAttribution,
): Promise<Buffer> {
  return renderPng(layerChart(result, target), {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
}
