import { Resvg } from "@resvg/resvg-js";

import { parseComponent } from "../../src/attribution/parseComponent.ts";
import type {
  AttributionResult,
  ContributionSet,
  TargetAttribution,
} from "../../src/attribution/types.ts";
import { CHART_HEIGHT, CHART_WIDTH } from "../../src/chart/layerChart.ts";
import type { ChartElement } from "../../src/chart/element.ts";
import { renderSvg } from "../../src/chart/renderPng.ts";

/** A target whose raw, centred and rough contributions are all `raw`. */
export function chartTarget(
  tokenId: number,
  token: string,
  rank: number,
  raw: ContributionSet,
  probability: number,
): TargetAttribution {
  return {
    tokenId,
    token,
    rank,
    logit: raw.total,
    probability,
    source: rank === 1 ? "top" : "named",
    raw,
    centered: raw,
    rough: raw,
    identityError: 0,
  };
}

/** A result of a made-up `nLayers`-layer model for "Steve" with these targets. */
export function chartResult(
  nLayers: number,
  targets: TargetAttribution[],
): AttributionResult {
  const names = ["embed"];
  for (let layer = 0; layer < nLayers; layer++)
    names.push(`L${layer}.attn`, `L${layer}.mlp`);
  return {
    model: {
      name: "test",
      displayName: "Test Model",
      architecture: "llama",
      nLayers,
      tiedEmbeddings: true,
      finalLogitSoftcap: null,
    },
    prompt: { text: "Steve", tokenIds: [1], tokens: ["Steve"] },
    components: names.map(parseComponent),
    finalNormScale: 1,
    targets,
    topDifference: null,
    identityError: 0,
    timings: { tokenizeMs: 0, inferenceMs: 0, totalMs: 0 },
  };
}

/** The RGBA pixels of a chart drawn at the chart size (1200×630). */
export async function chartPixels(element: ChartElement): Promise<Buffer> {
  const svg = await renderSvg(element, { width: CHART_WIDTH, height: CHART_HEIGHT });
  return new Resvg(svg).render().pixels;
}

/** How many pixels have exactly the colour `hex` (#rrggbb). */
export function countColour(pixels: Buffer, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b) count++;
  }
  return count;
}
