import { performance } from "node:perf_hooks";

import {
  AttributionModel,
  type AttributionResult,
  DEFAULT_BATCH_SIZE,
} from "@attrib/core";

import { buildCorpus } from "../corpus/buildCorpus.ts";
import type { StudyEnv } from "../env.ts";
import type { Logger } from "../logging/createLogger.ts";
import { analyzePrompt } from "../run/analyzePrompt.ts";
import type { RunSettings } from "../run/runSettings.ts";
import { analyzeStudyBatch } from "./analyzeStudyBatch.ts";

export interface BenchOptions {
  model: string;
  prompts: number;
  seed: number;
  /** The most prompts per graph run when batched (default 8). */
  batchSize?: number;
}

/** Prompts analysed before timing starts, so that session start-up is not counted. */
const WARM_UP = 3;

/**
 * Times the study's analysis of fortune prompts on one model, without the
 * store, one prompt per graph run and then several: the full study analysis
 * (top k, current token, lens, two ablations) and the plain attribution
 * alone. Also reports the largest difference between the batched and the
 * one-by-one results (contributions of every target, lens probabilities,
 * ablated logits), which only float32 rounding should make.
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
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  try {
    const [warm, timed] = [prompts.slice(0, WARM_UP), prompts.slice(WARM_UP)];
    for (const prompt of warm) await analyzePrompt(model, prompt, settings);
    await analyzeStudyBatch(model, warm, settings, batchSize);

    const oneByOne: AttributionResult[] = [];
    const study = await rate(timed.length, async () => {
      for (const p of timed)
        oneByOne.push((await analyzePrompt(model, p, settings)).result);
    });
    let batched: AttributionResult[] = [];
    const studyBatched = await rate(timed.length, async () => {
      batched = await analyzeStudyBatch(model, timed, settings, batchSize);
    });
    const plainPrompts = timed.map((p) => {
      const { ids } = model.tokenizer.encodePrompt(p.text);
      return { tokenIds: ids, targetIds: [ids.at(-1) ?? 0] };
    });
    const plain = await rate(timed.length, async () => {
      for (const p of plainPrompts)
        await model.analyzeTokens(p.tokenIds, p.targetIds, settings.k);
    });
    const plainBatched = await rate(timed.length, () =>
      model.analyzeTokensBatch(plainPrompts, settings.k, { batchSize }),
    );
    const result = {
      model: options.model,
      prompts: timed.length,
      batchSize,
      studyPromptsPerSecond: study,
      studyBatchedPromptsPerSecond: studyBatched,
      plainPromptsPerSecond: plain,
      plainBatchedPromptsPerSecond: plainBatched,
      batchedMaxAbsDiff: maxDifference(batched, oneByOne),
    };
    log("info", "bench.result", result);
    return result;
  } finally {
    await model.release();
  }
}

async function rate(count: number, analyse: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await analyse();
  const seconds = (performance.now() - started) / 1000;
  return Math.round((count / seconds) * 100) / 100;
}

/** The largest difference between two lists of results of the same prompts. */
function maxDifference(a: AttributionResult[], b: AttributionResult[]): number {
  let worst = 0;
  const compare = (x: readonly number[], y: readonly number[]) =>
    x.forEach((value, i) => {
      const diff = Math.abs(value - (y[i] ?? NaN));
      worst = Number.isNaN(diff) ? NaN : Math.max(worst, diff);
    });
  a.forEach((result, p) => {
    const other = b[p];
    if (!other) return;
    result.targets.forEach((target, t) => {
      compare(target.raw.values, other.targets[t]?.raw.values ?? []);
      compare([target.logit], [other.targets[t]?.logit ?? NaN]);
    });
    result.lens?.depths.forEach((depth, d) =>
      compare(
        depth.targets.map((t) => t.probability),
        other.lens?.depths[d]?.targets.map((t) => t.probability) ?? [],
      ),
    );
    result.ablations?.forEach((ablation, i) =>
      compare(
        ablation.targets.map((t) => t.ablatedLogit),
        other.ablations?.[i]?.targets.map((t) => t.ablatedLogit) ?? [],
      ),
    );
  });
  return worst;
}
