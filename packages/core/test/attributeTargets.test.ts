import { describe, expect, it } from "vitest";

import {
  attributeTargets,
  type PromptGraphOutputs,
} from "../src/attribution/attributeTargets.ts";
import { rankOf } from "../src/attribution/rankOf.ts";

// Eight tokens; 2 and 5 tie for the lead and 0 and 6 tie below them.
const logits = Float32Array.from([1.5, -2, 4, 0.25, -7, 4, 1.5, 3]);
const TOP = 4;
const total = logits.reduce((sum, logit) => sum + Math.exp(logit), 0);

function outputs(targetIds: number[]): PromptGraphOutputs {
  const nTargets = targetIds.length;
  const contributions = new Float32Array(2 * nTargets);
  targetIds.forEach((id, j) => {
    contributions[j] = 1;
    contributions[nTargets + j] = (logits[id] ?? NaN) - 1;
  });
  return {
    logits,
    targetIds,
    finalNormScale: 1,
    logNormalizer: Math.log(total),
    contributions,
    centeredContributions: contributions,
    roughContributions: contributions,
    meanWriteContributions: contributions,
    headContributions: new Float32Array(0),
    neuronActivations: new Float32Array(0),
    neuronContributions: new Float32Array(0),
    lensTopIds: [],
    lensTopLogits: new Float32Array(0),
    lensLogNormalizers: new Float32Array(0),
    lensTargetLogits: new Float32Array(0),
    lensTargetRanks: [],
  };
}

describe("attributeTargets", () => {
  // The graph's top 4 (ties by the lower id, as onnxruntime's TopK keeps
  // them), then named targets: two outside the top (one tied with it), one
  // inside it.
  const graph = outputs([2, 5, 7, 0, 3, 6, 7]);
  const requests = graph.targetIds.map((_, column) => ({
    column,
    source: column < TOP ? ("top" as const) : ("named" as const),
  }));
  const targets = attributeTargets(graph, 2, TOP, requests, (id) => `t${id}`);

  it("ranks every target as a pass over the whole vocabulary would, ties included", () => {
    expect(targets.map((t) => t.rank)).toEqual(
      graph.targetIds.map((id) => rankOf(logits, id)),
    );
    expect(targets.map((t) => t.rank)).toEqual([1, 1, 3, 4, 6, 4, 3]);
  });

  it("gives each target's probability from the graph's log normalizer", () => {
    targets.forEach((target) => {
      expect(target.probability).toBeCloseTo(
        Math.exp(logits[target.tokenId] ?? NaN) / total,
        12,
      );
    });
  });

  it("sums each target's contributions to its logit", () => {
    targets.forEach((target) => {
      expect(target.raw.total).toBeCloseTo(logits[target.tokenId] ?? NaN, 6);
      expect(target.identityError).toBeLessThan(1e-6);
    });
  });
});
