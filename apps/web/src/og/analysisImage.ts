import { CHART_HEIGHT, CHART_WIDTH, layerChart } from "@attrib/core";
import { ImageResponse } from "next/og";

import { focusTarget } from "../analysis/focusTarget.ts";
import { loadAnalysis } from "../analysis/loadAnalysis.ts";
import { chartFonts } from "./chartFonts.ts";
import { fitToFonts } from "./fitToFonts.ts";
import { toReactElement } from "./toReactElement.ts";

/** Size of the preview image: what Discord, Slack and X show in full. */
export const ANALYSIS_IMAGE_SIZE = { width: CHART_WIDTH, height: CHART_HEIGHT };

/**
 * The preview image of an analysis: core's per-layer chart of its focus
 * target, as a PNG. An unknown id ends in a 404.
 *
 * @param id - the analysis id from the permalink
 */
export async function analysisImage(id: string): Promise<ImageResponse> {
  const stored = await loadAnalysis(id);
  const { fonts, covered } = await chartFonts();
  const chart = layerChart(stored.result, focusTarget(stored.result));
  return new ImageResponse(toReactElement(fitToFonts(chart, covered)), {
    ...ANALYSIS_IMAGE_SIZE,
    fonts,
    // A moderator's removal must reach previews within a minute.
    headers: { "cache-control": "public, max-age=60" },
  });
}
