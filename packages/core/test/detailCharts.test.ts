import { describe, expect, it } from "vitest";

import { contributionSet } from "../src/attribution/contributionSet.ts";
import type { AttributionResult, TargetAttribution } from "../src/attribution/types.ts";
import { headHeatmap } from "../src/chart/headHeatmap.ts";
import { lensChart } from "../src/chart/lensChart.ts";
import { neuronChart } from "../src/chart/neuronChart.ts";
import { palette } from "../src/chart/palette.ts";
import type { ChartElement } from "../src/chart/element.ts";
import { chartPixels, chartResult, chartTarget, countColour } from "./support/charts.ts";

const N_LAYERS = 4;
const N_HEADS = 3;

function target(tokenId: number, token: string, rank: number): TargetAttribution {
  const raw = contributionSet("raw", new Array<number>(1 + 2 * N_LAYERS).fill(0.5));
  return chartTarget(tokenId, token, rank, raw, 0.4);
}

/** A result with one head far stronger than the rest: L2.h1 writes +3 for " Jobs". */
function detailedResult(): AttributionResult {
  const values = Array.from({ length: N_LAYERS }, (_, l) =>
    Array.from({ length: N_HEADS }, (_, h) => (l === 2 && h === 1 ? 3 : 0.01)),
  );
  const top = { positive: [{ layer: 2, head: 1, value: 3 }], negative: [] };
  const neuron = { layer: 3, neuron: 17, activation: 2.5, value: 1.25 };
  return {
    ...chartResult(N_LAYERS, [target(5, "'s", 1), target(7, " Jobs", 9)]),
    heads: {
      nHeads: N_HEADS,
      sumError: 0,
      targets: [{ tokenId: 7, token: " Jobs", values, top, sumError: 1e-6 }],
    },
    neurons: {
      dMlp: 32,
      sumError: 0,
      targets: [
        {
          tokenId: 7,
          token: " Jobs",
          top: { positive: [neuron], negative: [] },
          sumError: 0,
        },
      ],
    },
    lens: {
      targets: [
        { tokenId: 5, token: "'s" },
        { tokenId: 7, token: " Jobs" },
      ],
      depths: Array.from({ length: N_LAYERS + 1 }, (_, depth) => ({
        depth,
        label: depth === 0 ? "embed" : `L${depth - 1}`,
        topTokenId: 5,
        topToken: "'s",
        topProbability: 0.4,
        targets: [
          { tokenId: 5, logit: 3, probability: 0.4, rank: 1 },
          { tokenId: 7, logit: 1, probability: 0.001, rank: 4200 },
        ],
      })),
      settlesAt: [0, null],
    },
  };
}

function texts(node: ChartElement | string): string[] {
  if (typeof node === "string") return [node];
  const children = node.props.children ?? [];
  return (Array.isArray(children) ? children : [children]).flatMap(texts);
}

describe("head heatmap", () => {
  it("names the named target and its strongest head", () => {
    const words = texts(headHeatmap(detailedResult())).join(" ");

    expect(words).toContain('heads writing " Jobs"');
    expect(words).toContain("L2.h1 +3.00");
  });

  it("paints the strongest head in the full positive colour and no other cell", async () => {
    const pixels = await chartPixels(headHeatmap(detailedResult()));

    expect(countColour(pixels, palette.positive)).toBeGreaterThan(500);
    expect(countColour(pixels, palette.negative)).toBe(0);
  });

  it("refuses a result analysed without heads", () => {
    const plain = detailedResult();
    delete plain.heads;
    expect(() => headHeatmap(plain)).toThrow(/analyse with heads on/);
  });
});

describe("neuron chart", () => {
  it("lists each strong neuron with its layer, index, value and activation", () => {
    const words = texts(neuronChart(detailedResult())).join(" ");

    expect(words).toContain("L3 · n17");
    expect(words).toContain("+1.25");
    expect(words).toContain("act +2.5");
  });
});

describe("lens chart", () => {
  it("writes every target's rank at every depth and where it settles", () => {
    const words = texts(lensChart(detailedResult()));

    expect(words.filter((w) => w === "4.2k")).toHaveLength(N_LAYERS + 1);
    expect(words.join(" ")).toContain(`"'s" top from embed · " Jobs" never top`);
  });
});
