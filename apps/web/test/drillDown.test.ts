/**
 * An analysis's per-head, per-neuron and lens parts, in core's shape, become
 * the chart's drill-down: heads and neurons per detail target, the lens by
 * depth with each target's rank and probability.
 */
import type { AttributionResult } from "@attrib/core";
import { describe, expect, it } from "vitest";

import { resultLens, targetDrillDown } from "../src/analysis/drillDown.ts";

/** The parts of a result the drill-down reads; the rest is not consulted. */
function resultWith(parts: Partial<AttributionResult>): AttributionResult {
  return parts as AttributionResult;
}

const JOBS = 11_975;
const OTHER = 42;

const detailed = resultWith({
  heads: {
    nHeads: 2,
    sumError: 1e-6,
    targets: [
      {
        tokenId: JOBS,
        token: " Jobs",
        values: [
          [0.5, 0],
          [-0.25, 1],
        ],
        top: { positive: [], negative: [] },
        sumError: 1e-6,
      },
    ],
  },
  neurons: {
    dMlp: 8,
    sumError: 1e-6,
    targets: [
      {
        tokenId: JOBS,
        token: " Jobs",
        top: {
          positive: [{ layer: 1, neuron: 7, activation: 2.5, value: 0.75 }],
          negative: [{ layer: 0, neuron: 3, activation: -1, value: -0.5 }],
        },
        sumError: 1e-6,
      },
    ],
  },
  lens: {
    targets: [
      { tokenId: JOBS, token: " Jobs" },
      { tokenId: OTHER, token: " Smith" },
    ],
    depths: [
      {
        depth: 0,
        label: "embed",
        topTokenId: OTHER,
        topToken: " Smith",
        topProbability: 0.2,
        targets: [
          { tokenId: JOBS, logit: 1, probability: 0.01, rank: 40 },
          { tokenId: OTHER, logit: 3, probability: 0.2, rank: 1 },
        ],
      },
      {
        depth: 2,
        label: "L1",
        topTokenId: JOBS,
        topToken: " Jobs",
        topProbability: 0.6,
        targets: [
          { tokenId: JOBS, logit: 5, probability: 0.6, rank: 1 },
          { tokenId: OTHER, logit: 2, probability: 0.05, rank: 3 },
        ],
      },
    ],
    settlesAt: [2, null],
  },
});

describe("reading an analysis's drill-down parts", () => {
  it("lays a detail target's layer × head matrix out as one entry per head", () => {
    expect(targetDrillDown(detailed, JOBS).heads).toEqual([
      { layer: 0, head: 0, value: 0.5 },
      { layer: 0, head: 1, value: 0 },
      { layer: 1, head: 0, value: -0.25 },
      { layer: 1, head: 1, value: 1 },
    ]);
  });

  it("lists a detail target's strongest neurons both ways", () => {
    expect(targetDrillDown(detailed, JOBS).neurons).toEqual([
      { layer: 1, neuron: 7, value: 0.75 },
      { layer: 0, neuron: 3, value: -0.5 },
    ]);
  });

  it("has nothing for targets without detail, or analyses run without it", () => {
    expect(targetDrillDown(detailed, OTHER)).toEqual({ heads: null, neurons: null });
    expect(targetDrillDown(resultWith({}), JOBS)).toEqual({ heads: null, neurons: null });
    expect(resultLens(resultWith({}))).toBeNull();
  });

  it("reads the lens by depth, each target's rank and probability under its token", () => {
    expect(resultLens(detailed)).toEqual([
      {
        layer: 0,
        label: "embed",
        topToken: " Smith",
        targets: [
          { token: " Jobs", rank: 40, probability: 0.01 },
          { token: " Smith", rank: 1, probability: 0.2 },
        ],
      },
      {
        layer: 2,
        label: "L1",
        topToken: " Jobs",
        targets: [
          { token: " Jobs", rank: 1, probability: 0.6 },
          { token: " Smith", rank: 3, probability: 0.05 },
        ],
      },
    ]);
  });
});
