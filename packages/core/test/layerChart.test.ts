import { describe, expect, it } from "vitest";

import { contributionSet } from "../src/attribution/contributionSet.ts";
import type { AttributionResult } from "../src/attribution/types.ts";
import { CHART_HEIGHT, CHART_WIDTH, layerChart } from "../src/chart/layerChart.ts";
import { renderLayerChartPng } from "../src/chart/renderLayerChart.ts";
import { chartPixels, chartResult, chartTarget, countColour } from "./support/charts.ts";

const N_LAYERS = 30;

function resultWith(values: number[]): AttributionResult {
  const raw = contributionSet("raw", values);
  return chartResult(N_LAYERS, [chartTarget(7, " Jobs", 1, raw, 0.5)]);
}

function pixelsOf(result: AttributionResult): Promise<Buffer> {
  return chartPixels(layerChart(result));
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
    const mlp = countColour(pixels, "#ea580c");
    const attn = countColour(pixels, "#2563eb");

    expect(attn).toBeGreaterThan(0);
    expect(mlp).toBeGreaterThan(3 * attn);
  });

  it("draws negative contributions below the axis", async () => {
    const values = Array.from({ length: 1 + 2 * N_LAYERS }, () => -1);
    values[0] = 0.5;

    const pixels = await pixelsOf(resultWith(values));

    expect(countColour(pixels, "#2563eb")).toBeGreaterThan(0);
    expect(countColour(pixels, "#6b7280")).toBeGreaterThan(0);
  });
});
