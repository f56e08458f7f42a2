/**
 * Batched analysis: several prompts of different lengths in one graph run,
 * left-padded, give what each prompt gives alone (up to float32 rounding)
 * and what the float64 transformers reference gives.
 */
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AttributionModel, isAttribError } from "../../src/index.ts";
import { expectAllClose } from "../../../../test/setup/expectClose.ts";
import { tinyModelsDir } from "../../../../test/setup/paths.ts";
import {
  readBundleReference,
  type ReferenceFixture,
} from "../../../../test/setup/referenceFixture.ts";
import { expectSameAnalysis } from "../support/expectSameAnalysis.ts";

const ROUNDING = 1e-5;
const REFERENCE_TOLERANCE = 1e-4;
const DETAIL = { heads: true, neurons: true, lens: true, ablate: ["L0.mlp"] };

describe.each(["tiny-llama-tied", "tiny-llama-gqa", "tiny-qwen2-bias", "tiny-gemma3"])(
  "%s",
  (name) => {
    const bundleDir = join(tinyModelsDir, name);
    let model: AttributionModel;
    let reference: ReferenceFixture;

    beforeAll(async () => {
      model = await AttributionModel.load(bundleDir, { modelsDir: tinyModelsDir });
      reference = readBundleReference(bundleDir);
    });

    afterAll(async () => {
      await model.release();
    });

    it("gives each padded prompt of a batch what it gives alone", async () => {
      const prompts = reference.prompts.map((prompt) => ({
        tokenIds: prompt.inputIds,
        targetIds: prompt.targets.slice(-1).map((target) => target.id),
      }));
      // the shortest prompt named no target, so rows differ in their extra targets too
      prompts[0] = { tokenIds: prompts[0]?.tokenIds ?? [], targetIds: [] };

      const batched = await model.analyzeTokensBatch(prompts, 5, DETAIL);
      expect(batched).toHaveLength(prompts.length);
      for (const [i, prompt] of prompts.entries()) {
        const alone = await model.analyzeTokens(
          prompt.tokenIds,
          prompt.targetIds,
          5,
          DETAIL,
        );
        const result = batched[i];
        if (!result) throw new Error(`no batched result for prompt ${i}`);
        expectSameAnalysis(result, alone, ROUNDING, `${name} prompt ${i}`);
      }
    });

    it("matches the float64 reference in a batch", async () => {
      const prompts = reference.prompts.map((prompt) => ({
        tokenIds: prompt.inputIds,
        targetIds: prompt.targets.map((target) => target.id),
      }));
      const batched = await model.analyzeTokensBatch(prompts, 5, { batchSize: 2 });
      for (const [i, prompt] of reference.prompts.entries()) {
        for (const expected of prompt.targets) {
          const target = batched[i]?.targets.find((t) => t.tokenId === expected.id);
          const label = `${name} ${JSON.stringify(prompt.text)} → ${expected.id}`;
          expect(target, label).toBeDefined();
          expectAllClose(
            target?.raw.values ?? [],
            expected.raw,
            REFERENCE_TOLERANCE,
            label,
          );
          expect(Math.abs((target?.logit ?? NaN) - expected.logit)).toBeLessThanOrEqual(
            REFERENCE_TOLERANCE,
          );
        }
      }
    });

    it("keeps the order of the texts and gives each its own targets", async () => {
      const texts = reference.prompts.map((prompt) => prompt.text).reverse();
      const batched = await model.analyzeBatch(
        texts.map((text, i) => (i === 0 ? { text, targets: [" the"] } : text)),
        { k: 3, batchSize: 2 },
      );

      expect(batched.map((result) => result.prompt.text)).toEqual(texts);
      expect(batched[0]?.targets.some((t) => t.source !== "top")).toBe(true);
      for (const [i, text] of texts.entries()) {
        const alone = await model.analyze(
          text,
          i === 0 ? { k: 3, targets: [" the"] } : { k: 3 },
        );
        const result = batched[i];
        if (!result) throw new Error(`no batched result for ${text}`);
        expectSameAnalysis(result, alone, ROUNDING, `${name} ${JSON.stringify(text)}`);
      }
    });
  },
);

describe("batched analysis input", () => {
  let model: AttributionModel;

  beforeAll(async () => {
    model = await AttributionModel.load(join(tinyModelsDir, "tiny-llama-tied"), {
      modelsDir: tinyModelsDir,
    });
  });

  afterAll(async () => {
    await model.release();
  });

  it("names the prompt whose text is empty", async () => {
    const error: unknown = await model
      .analyzeBatch(["the cat", "  "])
      .catch((e: unknown) => e);
    expect(isAttribError(error) && error.code).toBe("EMPTY_TEXT");
    expect(String(error)).toMatch(/prompt 2: the text is empty/);
  });

  it("refuses a batch size outside 1 … 256", async () => {
    for (const batchSize of [0, 1.5, 257]) {
      const error: unknown = await model
        .analyzeBatch(["the cat"], { batchSize })
        .catch((e: unknown) => e);
      expect(isAttribError(error) && error.code).toBe("INVALID_OPTION");
      expect(String(error)).toMatch(/batchSize must be a whole number from 1 to 256/);
    }
  });

  it("returns nothing for no prompts", async () => {
    expect(await model.analyzeBatch([])).toEqual([]);
  });
});
