/**
 * The checks every installed real model gets against its float64
 * transformers reference (test/fixtures/reference, made by
 * converter/reference/make_reference.py).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AttributionModel } from "@attrib/core";

import { expectAllClose } from "../setup/expectClose.ts";
import {
  analyzeInDetail,
  expectAblationsMatch,
  expectHeadsMatch,
  expectLensMatches,
  expectNeuronsMatch,
} from "../setup/expectFinerSplits.ts";
import { modelsDir } from "../setup/paths.ts";
import {
  readFixture,
  type ReferenceFixture,
  type TokenizerCase,
} from "../setup/referenceFixture.ts";

export interface Tolerances {
  /** Logits, contributions (heads, neurons too) and ablated logits, absolute. */
  logit: number;
  /** Lens and ablation probabilities, absolute. */
  probability: number;
}

/**
 * The rough method's values are raw pre-norm dot products, which reach 1e3
 * in Gemma (its embedding is scaled by √d_model); float32 rounding alone reaches
 * 2e-6 of them, so they are compared relative to their size.
 */
const ROUGH_RELATIVE = 4e-6;

function roughTolerance(reference: readonly number[], logit: number): number {
  return Math.max(logit, ROUGH_RELATIVE * Math.max(...reference.map(Math.abs)));
}

export function describeReferenceModel(name: string, tolerances: Tolerances): void {
  const fixture = readFixture<ReferenceFixture>(`reference/${name}.json`);
  const tokenizerCases = readFixture<TokenizerCase[]>(`tokenizer/${name}.json`);
  const detailed = fixture.prompts.filter((prompt) => prompt.ablations !== undefined);
  let model: AttributionModel;

  beforeAll(async () => {
    model = await AttributionModel.load(name, { modelsDir });
  });

  afterAll(async () => {
    await model.release();
  });

  describe(`${name} tokenizer`, () => {
    it.each(tokenizerCases)("gives transformers' ids for %j", ({ text, ids }) => {
      expect(model.tokenizer.encodePrompt(text).ids).toEqual(ids);
    });
  });

  describe(`${name} attribution`, () => {
    it("lists the reference's components in the same order", () => {
      expect(model.manifest.components).toEqual(fixture.components);
    });

    it.each(fixture.prompts)(
      "matches the float64 reference for $text",
      async (prompt) => {
        expect(model.tokenizer.encodePrompt(prompt.text).ids).toEqual(prompt.inputIds);
        const referenceIds = prompt.targets.map((target) => target.id);

        const result = await model.analyzeTokens(prompt.inputIds, referenceIds, 5);

        // Relative: Gemma's final residual is large (s ≈ 1400), where one
        // float32 step is already 1.2e-4.
        const scaleError = Math.abs(result.finalNormScale / prompt.finalNormScale - 1);
        expect(scaleError).toBeLessThanOrEqual(1e-6);
        expect(result.identityError).toBeLessThanOrEqual(tolerances.logit);
        expect(result.targets.find((t) => t.rank === 1)?.tokenId).toBe(referenceIds[0]);
        for (const reference of prompt.targets) {
          const target = result.targets.find((t) => t.tokenId === reference.id);
          const label = `${JSON.stringify(prompt.text)} → ${JSON.stringify(reference.token)}`;
          expect(target, label).toBeDefined();
          if (!target) continue;
          expect(
            Math.abs(target.logit - reference.logit),
            `${label} logit`,
          ).toBeLessThanOrEqual(tolerances.logit);
          expect(target.probability).toBeCloseTo(reference.probability, 4);
          const { logit } = tolerances;
          expectAllClose(target.raw.values, reference.raw, logit, `${label} raw`);
          expectAllClose(
            target.centered.values,
            reference.centered,
            logit,
            `${label} centered`,
          );
          const rough = roughTolerance(reference.rough, logit);
          expectAllClose(target.rough.values, reference.rough, rough, `${label} rough`);
        }
      },
    );

    it.each(fixture.prompts)(
      "reads the logit lens as the reference does for $text",
      async (prompt) => {
        const result = await analyzeInDetail(model, prompt);
        expectLensMatches(result, prompt, tolerances.probability);
      },
    );
  });

  describe(`${name} heads, neurons and ablations`, () => {
    it.each(detailed)(
      "splits heads and neurons as the reference does for $text",
      async (prompt) => {
        const result = await analyzeInDetail(model, prompt);
        expectHeadsMatch(result, prompt, tolerances.logit);
        expectNeuronsMatch(result, prompt, tolerances.logit);
      },
    );

    it.each(detailed)(
      "ablates as a hooked reference forward does for $text",
      async (prompt) => {
        await expectAblationsMatch(model, prompt, tolerances.logit);
      },
    );
  });
}
