/**
 * Tiny random-weight models of several families, built in code by the
 * converter, against float64 reference values that transformers computes
 * with forward hooks (not with the converter's graph).
 */
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AttributionModel } from "../../src/index.ts";
import { expectAllClose } from "../../../../test/setup/expectClose.ts";
import {
  analyzeInDetail,
  expectAblationsMatch,
  expectHeadsMatch,
  expectLensMatches,
  expectNeuronsMatch,
} from "../../../../test/setup/expectFinerSplits.ts";
import { tinyModelsDir } from "../../../../test/setup/paths.ts";
import {
  readBundleReference,
  type ReferenceFixture,
} from "../../../../test/setup/referenceFixture.ts";

const TOLERANCE = 1e-4;

const TINY_MODELS = [
  { name: "tiny-llama-tied", tied: true },
  { name: "tiny-llama-untied", tied: false },
  { name: "tiny-llama-gqa", tied: false },
  { name: "tiny-qwen2-bias", tied: false },
  { name: "tiny-gemma3", tied: true },
];

describe.each(TINY_MODELS)("$name", ({ name, tied }) => {
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

  it(`is ${tied ? "weight-tied" : "untied"} with embed, attn and mlp per layer`, () => {
    expect(model.manifest.tiedEmbeddings).toBe(tied);
    expect(model.manifest.components).toEqual(reference.components);
    expect(model.manifest.components.slice(0, 3)).toEqual(["embed", "L0.attn", "L0.mlp"]);
  });

  it("tokenizes as transformers does", () => {
    for (const prompt of reference.prompts) {
      expect(model.tokenizer.encodePrompt(prompt.text).ids).toEqual(prompt.inputIds);
    }
  });

  it("splits every target's logit exactly as the float64 reference does", async () => {
    for (const prompt of reference.prompts) {
      const ids = prompt.targets.map((target) => target.id);
      const result = await model.analyzeTokens(prompt.inputIds, ids, 5);

      expect(result.finalNormScale).toBeCloseTo(prompt.finalNormScale, 4);
      expect(result.identityError).toBeLessThanOrEqual(TOLERANCE);
      for (const expected of prompt.targets) {
        const target = result.targets.find((t) => t.tokenId === expected.id);
        const label = `${name} ${JSON.stringify(prompt.text)} → ${expected.id}`;
        expect(target, label).toBeDefined();
        if (!target) continue;
        expect(
          Math.abs(target.logit - expected.logit),
          `${label} logit`,
        ).toBeLessThanOrEqual(TOLERANCE);
        expect(Math.abs(target.probability - expected.probability)).toBeLessThanOrEqual(
          TOLERANCE,
        );
        expectAllClose(target.raw.values, expected.raw, TOLERANCE, `${label} raw`);
        expectAllClose(
          target.centered.values,
          expected.centered,
          TOLERANCE,
          `${label} centered`,
        );
        expectAllClose(target.rough.values, expected.rough, TOLERANCE, `${label} rough`);
      }
    }
  });

  it("splits every attention layer by head as the float64 reference does", async () => {
    for (const prompt of reference.prompts) {
      expectHeadsMatch(await analyzeInDetail(model, prompt), prompt, TOLERANCE);
    }
  });

  it("finds the reference's strongest neurons, which add up to their MLP", async () => {
    for (const prompt of reference.prompts) {
      expectNeuronsMatch(await analyzeInDetail(model, prompt), prompt, TOLERANCE);
    }
  });

  it("reads every depth through the lens as transformers' own norm and lm_head do", async () => {
    for (const prompt of reference.prompts) {
      expectLensMatches(await analyzeInDetail(model, prompt), prompt, TOLERANCE);
    }
  });

  it("ablates components as a forward with a hook replacing their output does", async () => {
    for (const prompt of reference.prompts) {
      await expectAblationsMatch(model, prompt, TOLERANCE);
    }
  });

  it("leaves heads, neurons, lens and ablations out unless asked for", async () => {
    const prompt = reference.prompts[0];
    if (!prompt) throw new Error("reference.json has no prompts");

    const result = await model.analyzeTokens(prompt.inputIds, [], 5);

    expect(result.heads).toBeUndefined();
    expect(result.neurons).toBeUndefined();
    expect(result.lens).toBeUndefined();
    expect(result.ablations).toBeUndefined();
  });

  it("ranks the top tokens in order of probability", async () => {
    const prompt = reference.prompts[0];
    if (!prompt) throw new Error("reference.json has no prompts");

    const result = await model.analyzeTokens(prompt.inputIds, [], 5);

    expect(result.targets.map((t) => t.rank)).toEqual([1, 2, 3, 4, 5]);
    const probabilities = result.targets.map((t) => t.probability);
    expect([...probabilities].sort((a, b) => b - a)).toEqual(probabilities);
  });
});
