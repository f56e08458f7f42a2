/**
 * The analysis chart shows heads, neurons and the logit lens when an
 * analysis has them, and nothing of the kind when it has not.
 */
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";

import type { ChartData, ChartTarget } from "../src/analysis/chartTypes.ts";
import { LayerChart } from "../src/components/analysis/LayerChart.tsx";

const split = {
  values: [0.5, -0.25, 2],
  total: 2.25,
  signedShares: null,
  absoluteShares: [0.18, 0.09, 0.73],
};

function data(target: Partial<ChartTarget>, lens: ChartData["lens"] = null): ChartData {
  return {
    components: [
      { name: "embed", kind: "embed", layer: null },
      { name: "L0.attn", kind: "attn", layer: 0 },
      { name: "L0.mlp", kind: "mlp", layer: 0 },
    ],
    targets: [
      {
        token: " Jobs",
        rank: 1,
        probability: 0.5,
        logit: 2.25,
        source: "top",
        identityError: 0,
        splits: { raw: split, centered: split, rough: split },
        heads: null,
        neurons: null,
        ...target,
      },
    ],
    difference: null,
    focus: 0,
    finalMlp: 2,
    lens,
  };
}

describe("the analysis chart's drill-down", () => {
  it("draws a head heatmap, a top-neuron list and the lens when present", () => {
    const html = renderToString(
      createElement(LayerChart, {
        data: data(
          {
            heads: [
              { layer: 0, head: 0, value: -0.5 },
              { layer: 0, head: 1, value: 0.25 },
            ],
            neurons: [{ layer: 0, neuron: 12, value: 1.5 }],
          },
          [
            {
              layer: 0,
              label: "embed",
              topToken: " the",
              targets: [{ token: " Jobs", rank: 3, probability: 0.1 }],
            },
          ],
        ),
      }),
    );

    expect(html).toContain("Inside the layers");
    expect(html).toContain("L0.H1: 0.2500");
    expect(html).toContain("L0.N12");
    expect(html).toContain("Logit lens");
    expect(html).toContain("embed");
  });

  it("shows the layer chart alone for an analysis without them", () => {
    const html = renderToString(createElement(LayerChart, { data: data({}) }));

    expect(html).toContain("Who wrote the logit");
    expect(html).not.toContain("Inside the layers");
  });
});
