/**
 * The default model's fixture prompts analysed as one left-padded batch:
 * each result equals the prompt analysed alone up to float32 rounding, and
 * matches the float64 transformers reference (test/fixtures/reference).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AttributionModel, type AttributionResult } from "@attrib/core";

import { expectSameAnalysis } from "../../packages/core/test/support/expectSameAnalysis.ts";
import { expectAllClose } from "../setup/expectClose.ts";
import {
  expectHeadsMatch,
  expectLensMatches,
  expectNeuronsMatch,
} from "../setup/expectFinerSplits.ts";
import { modelsDir } from "../setup/paths.ts";
import { readFixture, type ReferenceFixture } from "../setup/referenceFixture.ts";

const MODEL = "smollm2-135m-instruct";
const LOGIT_TOLERANCE = 1e-3;
const PROBABILITY_TOLERANCE = 1e-4;
/** Batched against alone, scaled by max(1, |value|), as the converter checks batches. */
const ROUNDING = 1e-4;
const DETAIL = { heads: true, neurons: true, lens: true };

describe(`${MODEL} batched`, () => {
  const fixture = readFixture<ReferenceFixture>(`reference/${MODEL}.json`);
  const prompts = fixture.prompts.map((prompt) => ({
    tokenIds: prompt.inputIds,
    targetIds: prompt.targets.map((target) => target.id),
  }));
  let model: AttributionModel;
  let batched: AttributionResult[];

  beforeAll(async () => {
    model = await AttributionModel.load(MODEL, { modelsDir });
    batched = await model.analyzeTokensBatch(prompts, 5, {
      ...DETAIL,
      batchSize: prompts.length,
    });
  });

  afterAll(async () => {
    await model.release();
  });

  it.each(fixture.prompts.map((prompt, index) => ({ text: prompt.text, index })))(
    "matches the float64 reference in a batch for $text",
    ({ index }) => {
      const prompt = fixture.prompts[index];
      const result = batched[index];
      if (!prompt || !result) throw new Error(`no batched result for prompt ${index}`);
      for (const reference of prompt.targets) {
        const target = result.targets.find((t) => t.tokenId === reference.id);
        const label = `${JSON.stringify(prompt.text)} → ${JSON.stringify(reference.token)}`;
        expect(target, label).toBeDefined();
        expect(Math.abs((target?.logit ?? NaN) - reference.logit)).toBeLessThanOrEqual(
          LOGIT_TOLERANCE,
        );
        expectAllClose(
          target?.raw.values ?? [],
          reference.raw,
          LOGIT_TOLERANCE,
          `${label} raw`,
        );
        expectAllClose(
          target?.centered.values ?? [],
          reference.centered,
          LOGIT_TOLERANCE,
          `${label} centered`,
        );
      }
      expectLensMatches(result, prompt, PROBABILITY_TOLERANCE);
      if (prompt.ablations) {
        expectHeadsMatch(result, prompt, LOGIT_TOLERANCE);
        expectNeuronsMatch(result, prompt, LOGIT_TOLERANCE);
      }
    },
  );

  it("gives each prompt of the batch what it gives alone", async () => {
    for (const [index, prompt] of prompts.entries()) {
      const alone = await model.analyzeTokens(
        prompt.tokenIds,
        prompt.targetIds,
        5,
        DETAIL,
      );
      const result = batched[index];
      if (!result) throw new Error(`no batched result for prompt ${index}`);
      expectSameAnalysis(result, alone, ROUNDING, `prompt ${index}`);
    }
  });

  it("ablates in a batch as the hooked reference forward does", async () => {
    const detailed = fixture.prompts.filter((prompt) => prompt.ablations);
    const ablated = detailed[0]?.ablations?.filter((a) => a.mode === "zero") ?? [];
    const results = await model.analyzeTokensBatch(
      detailed.map((prompt) => ({
        tokenIds: prompt.inputIds,
        targetIds: prompt.targets.map((t) => t.id),
      })),
      5,
      { ablate: ablated.map((a) => a.component), ablateMode: "zero" },
    );
    detailed.forEach((prompt, p) => {
      for (const reference of prompt.ablations?.filter((a) => a.mode === "zero") ?? []) {
        const ablation = results[p]?.ablations?.find(
          (a) => a.component === reference.component,
        );
        const logits = prompt.targets.map(
          (target) =>
            ablation?.targets.find((t) => t.tokenId === target.id)?.ablatedLogit ?? NaN,
        );
        const label = `${JSON.stringify(prompt.text)} zero ${reference.component}`;
        expectAllClose(logits, reference.logits, LOGIT_TOLERANCE, label);
      }
    });
  });
});
