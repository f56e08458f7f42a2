/**
 * Per-head, per-neuron and lens parts of an analysis are read when present
 * in any of the shapes they may take, and ignored otherwise.
 */
import { describe, expect, it } from "vitest";

import { resultLens, targetDrillDown } from "../src/analysis/drillDown.ts";

describe("reading an analysis's drill-down parts", () => {
  it("reads heads as records or as a layer × head matrix", () => {
    const records = targetDrillDown({
      heads: [
        { layer: 0, head: 1, value: 0.5 },
        { layer: 1, head: 0, contribution: -0.25 },
      ],
    });
    const matrix = targetDrillDown({
      heads: [
        [0.5, 0],
        [-0.25, 1],
      ],
    });

    expect(records.heads).toEqual([
      { layer: 0, head: 1, value: 0.5 },
      { layer: 1, head: 0, value: -0.25 },
    ]);
    expect(matrix.heads).toEqual([
      { layer: 0, head: 0, value: 0.5 },
      { layer: 0, head: 1, value: 0 },
      { layer: 1, head: 0, value: -0.25 },
      { layer: 1, head: 1, value: 1 },
    ]);
  });

  it("reads neurons by index or neuron number", () => {
    const { neurons } = targetDrillDown({
      neurons: [
        { layer: 29, neuron: 12, value: 3.5 },
        { layer: 29, index: 7, contribution: -1 },
      ],
    });

    expect(neurons).toEqual([
      { layer: 29, neuron: 12, value: 3.5 },
      { layer: 29, neuron: 7, value: -1 },
    ]);
  });

  it("ignores parts that are missing or of an unknown shape", () => {
    expect(targetDrillDown({})).toEqual({ heads: null, neurons: null });
    expect(targetDrillDown({ heads: "many", neurons: [{ layer: 1 }] })).toEqual({
      heads: null,
      neurons: null,
    });
    expect(resultLens({ lens: [{ layer: "one" }] })).toBeNull();
  });

  it("reads the logit lens layer by layer", () => {
    const lens = resultLens({
      lens: [
        {
          layer: 0,
          topToken: " the",
          targets: [{ token: " Jobs", rank: 900, probability: 1e-5 }],
        },
      ],
    });

    expect(lens).toEqual([
      {
        layer: 0,
        topToken: " the",
        targets: [{ token: " Jobs", rank: 900, probability: 1e-5 }],
      },
    ]);
  });
});
