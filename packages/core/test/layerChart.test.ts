import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";

import { contributionSet } from "../src/attribution/contributionSet.ts";
import { parseComponent } from "../src/attribution/parseComponent.ts";
import type { AttributionResult } from "../src/attribution/types.ts";
import { CHART_HEIGHT, CHART_WIDTH, layerChart } from "../src/chart/layerChart.ts";
import { renderLayerChartPng } from "../src/chart/renderLayerChart.ts";
import { renderSvg } from "../src/chart/renderPng.ts";

const N_LAYERS = 30;

function resultWith(values: number[]): AttributionResult {
  const names = ["embed"];
  for (let layer = 0; layer < N_LAYERS; layer++)
    names.push(`L${layer}.attn`, `L${layer}.mlp`);
  const raw = contributionSet("raw", values);
  return {
    model: {
      name: "test",
      displayName: "Test Model",
      architecture: "llama",
      nLayers: N_LAYERS,
      tiedEmbeddings: true,
      finalLogitSoftcap: null,
    },
    prompt: { text: "Steve", tokenIds: [1], tokens: ["Steve"] },
    components: names.map(parseComponent),
    finalNormScale: 1,
    targets: [
      {
        tokenId: 7,
        token: " Jobs",
        rank: 1,
        logit: raw.total,
        probability: 0.5,
        source: "top",
        raw,
        centered: raw,
        rough: raw,
        identityError: 0,
      },
    ],
    topDifference: null,
    identityError: 0,
    timings: { tokenizeMs: 0, inferenceMs: 0, totalMs: 0 },
  };
}

function countPixels(rgba: Buffer, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i] === r && rgba[i + 1] === g && rgba[i + 2] === b) count++;
  }
  return count;
}

async function pixelsOf(result: AttributionResult): Promise<Buffer> {
  const svg = await renderSvg(layerChart(result), {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
  return new Resvg(svg).render().pixels;
}

describe("layer chart", () => {
  it("renders a 1200×630 PNG", async () => {
    const values = Array.from({ length: 1 + 2 * N_LAYERS }, (_, i) => Math.sin(i));

    const png = await renderLayerChartPng(resultWith(values));

    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(CHART_WIDTH);
    expect(png.readUInt32BE(20)).toBe(CHART_HEIGHT);
  });

  it("draws bar area in proportion to the contributions of each kind", async () => {
    const small = Array.from({ length: 1 + 2 * N_LAYERS }, () => 0.1);
    small[small.length - 1] = 10;

    const pixels = await pixelsOf(resultWith(small));
    const mlp = countPixels(pixels, "#ea580c");
    const attn = countPixels(pixels, "#2563eb");

    expect(attn).toBeGreaterThan(0);
    expect(mlp).toBeGreaterThan(3 * attn);
  });

  it("draws negative contributions below the axis", async () => {
    const values = Array.from({ length: 1 + 2 * N_LAYERS }, () => -1);
    values[0] = 0.5;

    const pixels = await pixelsOf(resultWith(values));

    expect(countPixels(pixels, "#2563eb")).toBeGreaterThan(0);
    expect(countPixels(pixels, "#6b7280")).toBeGreaterThan(0);
  });
});
