import { expect } from "vitest";

import type { AttributionResult } from "../../src/index.ts";

/**
 * Every number an analysis reports that float32 rounding may move, by name,
 * in a fixed order: targets, the final-norm scale, heads, the strongest
 * neurons' values (sorted, so neighbours that swap places under rounding
 * still match), the lens and the ablations.
 */
export function analysisNumbers(result: AttributionResult): Map<string, number> {
  const numbers = new Map<string, number>();
  const put = (name: string, values: readonly number[]) =>
    values.forEach((value, i) => numbers.set(`${name}[${i}]`, value));

  numbers.set("finalNormScale", result.finalNormScale);
  for (const target of result.targets) {
    const name = `target ${target.tokenId}`;
    put(`${name} logit, probability`, [target.logit, target.probability]);
    put(`${name} raw`, target.raw.values);
    put(`${name} centered`, target.centered.values);
    put(`${name} rough`, target.rough.values);
  }
  for (const target of result.heads?.targets ?? []) {
    put(`heads ${target.tokenId}`, target.values.flat());
  }
  for (const target of result.neurons?.targets ?? []) {
    const { positive, negative } = target.top;
    put(
      `neurons ${target.tokenId}`,
      [...positive, ...negative].map((entry) => entry.value).sort((a, b) => a - b),
    );
  }
  for (const depth of result.lens?.depths ?? []) {
    put(`lens ${depth.depth}`, [
      depth.topProbability,
      ...depth.targets.flatMap((t) => [t.logit, t.probability]),
    ]);
  }
  for (const ablation of result.ablations ?? []) {
    put(
      `ablation ${ablation.component} ${ablation.mode}`,
      ablation.targets.flatMap((t) => [
        t.ablatedLogit,
        t.ablatedProbability,
        t.directEffect,
      ]),
    );
  }
  return numbers;
}

/** What must not change at all: prompt, target ids and ranks, lens top tokens. */
function analysisIdentity(result: AttributionResult) {
  return {
    tokenIds: result.prompt.tokenIds,
    targets: result.targets.map((t) => [t.tokenId, t.rank, t.source]),
    lens: result.lens?.depths.map((d) => d.topTokenId),
    ablations: result.ablations?.map((a) => [a.component, a.mode, a.targets.length]),
    logitDifference: result.logitDifference?.attribution.values.length,
  };
}

/**
 * A target's rank under the lens at an early depth, where thousands of tokens
 * have nearly equal lens logits, may move by the few tokens that float32
 * rounding carries past it.
 */
function expectLensRanksClose(
  actual: AttributionResult,
  expected: AttributionResult,
  label: string,
) {
  const ranks = (result: AttributionResult) =>
    result.lens?.depths.flatMap((d) => d.targets.map((t) => t.rank)) ?? [];
  const actualRanks = ranks(actual);
  ranks(expected).forEach((rank, i) => {
    const moved = Math.abs((actualRanks[i] ?? NaN) - rank);
    expect(moved, `${label}: lens rank ${i}`).toBeLessThanOrEqual(1 + 1e-3 * rank);
  });
}

/**
 * Asserts that two analyses of one prompt (e.g. batched and alone) report the
 * same targets and numbers within `tolerance`, scaled by max(1, |value|):
 * float32 rounding grows with magnitude.
 */
export function expectSameAnalysis(
  actual: AttributionResult,
  expected: AttributionResult,
  tolerance: number,
  label: string,
): void {
  expect(analysisIdentity(actual), label).toEqual(analysisIdentity(expected));
  expectLensRanksClose(actual, expected, label);
  const actualNumbers = analysisNumbers(actual);
  const expectedNumbers = analysisNumbers(expected);
  expect([...actualNumbers.keys()], label).toEqual([...expectedNumbers.keys()]);

  let worst = { name: "", error: 0 };
  for (const [name, value] of expectedNumbers) {
    const other = actualNumbers.get(name) ?? NaN;
    const error = Math.abs(other - value) / Math.max(1, Math.abs(value));
    if (!(error <= worst.error)) worst = { name, error };
  }
  expect(
    worst.error,
    `${label}: largest scaled difference at ${worst.name}`,
  ).toBeLessThanOrEqual(tolerance);
}
