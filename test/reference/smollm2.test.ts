/**
 * The real default model against float64 transformers reference values
 * (test/fixtures/reference, made by converter/reference/make_reference.py).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AttributionModel } from "@attrib/core";

import { expectAllClose } from "../setup/expectClose.ts";
import { modelsDir } from "../setup/paths.ts";
import {
  readFixture,
  type ReferenceFixture,
  type TokenizerCase,
} from "../setup/referenceFixture.ts";

const MODEL = "smollm2-135m-instruct";
const TOLERANCE = 1e-3;

const fixture = readFixture<ReferenceFixture>(`reference/${MODEL}.json`);
const tokenizerCases = readFixture<TokenizerCase[]>(`tokenizer/${MODEL}.json`);

let model: AttributionModel;

beforeAll(async () => {
  model = await AttributionModel.load(MODEL, { modelsDir });
});

afterAll(async () => {
  await model.release();
});

describe(`${MODEL} tokenizer`, () => {
  it.each(tokenizerCases)("gives transformers' ids for %j", ({ text, ids }) => {
    expect(model.tokenizer.encodePrompt(text).ids).toEqual(ids);
  });
});

describe(`${MODEL} attribution`, () => {
  it("lists the reference's components in the same order", () => {
    expect(model.manifest.components).toEqual(fixture.components);
  });

  it.each(fixture.prompts)("matches the float64 reference for $text", async (prompt) => {
    expect(model.tokenizer.encodePrompt(prompt.text).ids).toEqual(prompt.inputIds);
    const referenceIds = prompt.targets.map((target) => target.id);

    const result = await model.analyzeTokens(prompt.inputIds, referenceIds, 5);

    expect(result.finalNormScale).toBeCloseTo(prompt.finalNormScale, 3);
    expect(result.identityError).toBeLessThanOrEqual(TOLERANCE);
    expect(result.targets.find((t) => t.rank === 1)?.tokenId).toBe(referenceIds[0]);
    for (const reference of prompt.targets) {
      const target = result.targets.find((t) => t.tokenId === reference.id);
      const label = `${JSON.stringify(prompt.text)} → ${JSON.stringify(reference.token)}`;
      expect(target, label).toBeDefined();
      if (!target) continue;
      expect(
        Math.abs(target.logit - reference.logit),
        `${label} logit`,
      ).toBeLessThanOrEqual(TOLERANCE);
      expect(target.probability).toBeCloseTo(reference.probability, 4);
      expectAllClose(target.raw.values, reference.raw, TOLERANCE, `${label} raw`);
      expectAllClose(
        target.centered.values,
        reference.centered,
        TOLERANCE,
        `${label} centered`,
      );
      expectAllClose(target.rough.values, reference.rough, TOLERANCE, `${label} rough`);
    }
  });
});
