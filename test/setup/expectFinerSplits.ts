import { expect } from "vitest";

import type { AttributionModel, AttributionResult, NeuronEntry } from "@attrib/core";

import { expectAllClose } from "./expectClose.ts";
import type {
  ReferenceNeuron,
  ReferencePrompt,
  ReferenceTarget,
} from "./referenceFixture.ts";

/** Heads, neurons and the lens for every reference target of `prompt`. */
export function analyzeInDetail(
  model: AttributionModel,
  prompt: ReferencePrompt,
): Promise<AttributionResult> {
  const ids = prompt.targets.map((target) => target.id);
  return model.analyzeTokens(prompt.inputIds, ids, 5, {
    heads: true,
    neurons: true,
    lens: true,
  });
}

function label(prompt: ReferencePrompt, target: ReferenceTarget): string {
  return `${JSON.stringify(prompt.text)} → ${JSON.stringify(target.token)}`;
}

/** Every head's contribution matches, and the heads add up to their layer. */
export function expectHeadsMatch(
  result: AttributionResult,
  prompt: ReferencePrompt,
  tolerance: number,
): void {
  expect(result.heads?.sumError).toBeLessThanOrEqual(tolerance);
  for (const reference of prompt.targets) {
    if (!reference.heads) continue;
    const heads = result.heads?.targets.find((t) => t.tokenId === reference.id);
    const name = `${label(prompt, reference)} heads`;
    expect(heads, name).toBeDefined();
    expectAllClose(heads?.values.flat() ?? [], reference.heads.flat(), tolerance, name);
  }
}

/**
 * The strongest neurons match in value, rank by rank, and in identity
 * wherever the reference's neighbours are further apart than the tolerance
 * (closer ones may swap places under float32 rounding).
 */
export function expectNeuronsMatch(
  result: AttributionResult,
  prompt: ReferencePrompt,
  tolerance: number,
): void {
  expect(result.neurons?.sumError).toBeLessThanOrEqual(tolerance);
  for (const reference of prompt.targets) {
    if (!reference.neurons) continue;
    const neurons = result.neurons?.targets.find((t) => t.tokenId === reference.id);
    const name = `${label(prompt, reference)} neurons`;
    expect(neurons, name).toBeDefined();
    for (const side of ["positive", "negative"] as const) {
      const actual = neurons?.top[side] ?? [];
      expectSameRanking(actual, reference.neurons[side], tolerance, `${name} ${side}`);
    }
  }
}

function expectSameRanking(
  actual: NeuronEntry[],
  expected: ReferenceNeuron[],
  tolerance: number,
  name: string,
): void {
  expectAllClose(
    actual.map((n) => n.value),
    expected.map((n) => n.value),
    tolerance,
    name,
  );
  expected.forEach((reference, i) => {
    const neighbours = [expected[i - 1], expected[i + 1]].filter((n) => n !== undefined);
    const ambiguous = neighbours.some(
      (n) => Math.abs(n.value - reference.value) <= 2 * tolerance,
    );
    if (ambiguous) return;
    expect([actual[i]?.layer, actual[i]?.neuron], `${name} #${i + 1}`).toEqual([
      reference.layer,
      reference.neuron,
    ]);
    expect(
      Math.abs((actual[i]?.activation ?? NaN) - reference.activation),
    ).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(reference.activation)));
  });
}

/**
 * Lens probabilities match at every depth; ranks match exactly near the
 * top and within 1% further down, where float32 rounding can reorder
 * tokens whose logits nearly tie.
 */
export function expectLensMatches(
  result: AttributionResult,
  prompt: ReferencePrompt,
  tolerance: number,
): void {
  const lens = result.lens;
  const reference = prompt.lens;
  if (!reference) throw new Error(`no reference lens for ${JSON.stringify(prompt.text)}`);
  expect(lens?.depths.length).toBe(reference.topIds.length);
  expectAllClose(
    lens?.depths.map((d) => d.topProbability) ?? [],
    reference.topProbabilities,
    tolerance,
    `${JSON.stringify(prompt.text)} lens top probability`,
  );
  expect(lens?.depths.map((d) => d.topTokenId)).toEqual(reference.topIds);
  for (const target of reference.targets) {
    const column = lens?.targets.findIndex((t) => t.tokenId === target.id) ?? -1;
    const name = `${JSON.stringify(prompt.text)} lens of ${target.id}`;
    expect(column, name).toBeGreaterThanOrEqual(0);
    const rows = lens?.depths.map((d) => d.targets[column]) ?? [];
    expectAllClose(
      rows.map((r) => r?.probability ?? NaN),
      target.probabilities,
      tolerance,
      `${name} probability`,
    );
    target.ranks.forEach((rank, depth) => {
      const actual = rows[depth]?.rank ?? NaN;
      const slack = rank <= 10 ? 0 : Math.ceil(rank * 0.01);
      expect(
        Math.abs(actual - rank),
        `${name} rank at depth ${depth}`,
      ).toBeLessThanOrEqual(slack);
    });
  }
}

/** Each reference ablation, run through the graph, moves the logits as the hooked forward did. */
export async function expectAblationsMatch(
  model: AttributionModel,
  prompt: ReferencePrompt,
  tolerance: number,
): Promise<void> {
  const ids = prompt.targets.map((target) => target.id);
  for (const mode of ["zero", "mean"] as const) {
    const references = (prompt.ablations ?? []).filter((a) => a.mode === mode);
    const result = await model.analyzeTokens(prompt.inputIds, ids, 5, {
      ablate: references.map((a) => a.component),
      ablateMode: mode,
    });
    references.forEach((reference, i) => {
      const ablation = result.ablations?.[i];
      const name = `${JSON.stringify(prompt.text)} ${mode} ${reference.component}`;
      expect(ablation?.component, name).toBe(reference.component);
      const logits = prompt.targets.map(
        (target) =>
          ablation?.targets.find((t) => t.tokenId === target.id)?.ablatedLogit ?? NaN,
      );
      expectAllClose(logits, reference.logits, tolerance, `${name} logits`);
      const probabilities = prompt.targets.map(
        (target) =>
          ablation?.targets.find((t) => t.tokenId === target.id)?.ablatedProbability ??
          NaN,
      );
      expectAllClose(
        probabilities,
        reference.probabilities,
        tolerance,
        `${name} probabilities`,
      );
    });
  }
}
