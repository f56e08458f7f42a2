import type { AttributionResult } from "../attribution/types.ts";
import { headHeatmap } from "./headHeatmap.ts";
import { CHART_HEIGHT, CHART_WIDTH } from "./layerChart.ts";
import { lensChart } from "./lensChart.ts";
import { neuronChart } from "./neuronChart.ts";
import { renderPng } from "./renderPng.ts";

const SIZE = { width: CHART_WIDTH, height: CHART_HEIGHT };

/** The layer × head heatmap of one target as a 1200×630 PNG. */
export function renderHeadHeatmapPng(
  result: AttributionResult,
  tokenId?: number,
): Promise<Buffer> {
  return renderPng(headHeatmap(result, tokenId), SIZE);
}

/** The top-neurons list of one target as a 1200×630 PNG. */
export function renderNeuronChartPng(
  result: AttributionResult,
  tokenId?: number,
): Promise<Buffer> {
  return renderPng(neuronChart(result, tokenId), SIZE);
}

/** The logit-lens trajectories of every target as a 1200×630 PNG. */
export function renderLensChartPng(result: AttributionResult): Promise<Buffer> {
  return renderPng(lensChart(result), SIZE);
}
