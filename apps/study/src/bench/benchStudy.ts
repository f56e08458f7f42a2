import { performance } from "node:perf_hooks";

import { AttributionModel } from "@attrib/core";

import { buildCorpus } from "../corpus/buildCorpus.ts";
import type { StudyPrompt } from "../corpus/types.ts";
import type { StudyEnv } from "../env.ts";
import type { Logger } from "../logging/createLogger.ts";
import { analyzePrompt } from "../run/analyzePrompt.ts";
import type { RunSettings } from "../run/runSettings.ts";

export interface BenchOptions {
  model: string;
  prompts: number;
  seed: number;
}

/** Prompts analysed before timing starts, so that session start-up is not counted. */
const WARM_UP = 3;

/**
 * Times the study's analysis of fortune prompts on one model, without the
 * store: the full study analysis (top k, current token, lens, two
 * ablations) and the plain attribution alone, one prompt per forward.
 * Batching several prompts into one forward needs a batched analyze in
 * core, which does not exist yet; the result says so.
 */
export async function benchStudy(options: BenchOptions, env: StudyEnv, log: Logger) {
  const prompts = await buildCorpus({
    fortunesDir: env.STUDY_FORTUNES_DIR,
    seed: options.seed,
    fortunePrompts: options.prompts + WARM_UP,
    curated: false,
  });
  const model = await AttributionModel.load(options.model, {
    modelsDir: env.ATTRIB_MODELS_DIR,
    executionProvider: env.ATTRIB_EXECUTION_PROVIDER,
  });
  const settings: RunSettings = {
    seed: options.seed,
    k: 5,
    ablationModes: ["zero", "mean"],
  };
  try {
    const [warm, timed] = [prompts.slice(0, WARM_UP), prompts.slice(WARM_UP)];
    for (const prompt of warm) await analyzePrompt(model, prompt, settings);

    const study = await rate(timed, (p) => analyzePrompt(model, p, settings));
    const plain = await rate(timed, (p) => {
      const { ids } = model.tokenizer.encodePrompt(p.text);
      return model.analyzeTokens(ids, [ids.at(-1) ?? 0], settings.k);
    });
    const result = {
      model: options.model,
      prompts: timed.length,
      studyPromptsPerSecond: study,
      plainPromptsPerSecond: plain,
      batchedPromptsPerSecond: null,
      batched:
        "not measured: core analyses one prompt per forward (AttributionModel has no " +
        "batched analyze); the graph's batch axis carries ablation rows only",
    };
    log("info", "bench.result", result);
    return result;
  } finally {
    await model.release();
  }
}

async function rate(
  prompts: StudyPrompt[],
  analyse: (prompt: StudyPrompt) => Promise<unknown>,
): Promise<number> {
  const started = performance.now();
  for (const prompt of prompts) await analyse(prompt);
  const seconds = (performance.now() - started) / 1000;
  return Math.round((prompts.length / seconds) * 100) / 100;
}
