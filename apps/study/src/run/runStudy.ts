import { mkdir } from "node:fs/promises";
import { performance } from "node:perf_hooks";

import { AttributionModel } from "@attrib/core";
import type { Store } from "@attrib/store";

import { buildCorpus } from "../corpus/buildCorpus.ts";
import type { StudyPrompt } from "../corpus/types.ts";
import type { StudyEnv } from "../env.ts";
import type { Logger } from "../logging/createLogger.ts";
import { ProgressBar, type ProgressOutput } from "../progress/ProgressBar.ts";
import { resolveModels } from "./resolveModels.ts";
import { settleRunCorpus } from "./runCorpus.ts";
import { runPaths } from "./runPaths.ts";
import { type RunSettings, settleRunSettings } from "./runSettings.ts";
import { RunState } from "./RunState.ts";
import { storeStudiedPrompt } from "./storeStudiedPrompt.ts";
import { type StudiedPrompt, studyPrompt } from "./studyPrompt.ts";

export interface RunOptions {
  run: string;
  models: "all" | string[];
  /** How many prompts to cut from fortunes. */
  fortunePrompts: number;
  curated: boolean;
  settings: RunSettings;
}

export interface RunDependencies {
  env: StudyEnv;
  store: Store;
  log: Logger;
  progressOutput?: ProgressOutput;
  /** Asked before each prompt; true stops the run cleanly (Ctrl-C). */
  shouldStop?: () => boolean;
}

export interface RunSummary {
  analysed: number;
  skipped: number;
  /** Finished by earlier sessions of the run and not done again. */
  finishedBefore: number;
  total: number;
  interrupted: boolean;
}

/**
 * Runs the study over the corpus for each model, resuming a run that was
 * interrupted: what its state file lists as finished is not done again.
 *
 * @throws {@link StudyCliError}, {@link StoreError}, {@link AttribError}
 */
export async function runStudy(
  options: RunOptions,
  deps: RunDependencies,
): Promise<RunSummary> {
  const { env, log } = deps;
  const paths = runPaths(env.STUDY_RUNS_DIR, options.run);
  const models = await resolveModels(options.models, env.ATTRIB_MODELS_DIR);
  const prompts = await buildCorpus({
    fortunesDir: env.STUDY_FORTUNES_DIR,
    seed: options.settings.seed,
    fortunePrompts: options.fortunePrompts,
    curated: options.curated,
  });
  await mkdir(paths.dir, { recursive: true });
  const { resumed } = await settleRunSettings(paths, options.settings);
  await settleRunCorpus(paths, prompts);
  const state = await RunState.open(paths.state);

  const pending = (model: string) => prompts.filter((p) => !state.has(model, p.id));
  const total = models.length * prompts.length;
  const finishedBefore = total - models.reduce((n, m) => n + pending(m).length, 0);
  log("info", "run.started", {
    run: options.run,
    dir: paths.dir,
    models,
    prompts: prompts.length,
    resumed,
    finishedBefore,
    repairedTornLine: state.repaired,
  });

  const summary: RunSummary = {
    analysed: 0,
    skipped: 0,
    finishedBefore,
    total,
    interrupted: false,
  };
  const progress = new ProgressBar(total, finishedBefore, deps.progressOutput);
  const started = performance.now();
  for (const model of models) {
    const work = pending(model);
    if (work.length === 0 || summary.interrupted) continue;
    await studyModel(model, work, { ...deps, state, progress, options, summary });
  }
  progress.finish(summary.interrupted ? "interrupted" : "done");

  const seconds = (performance.now() - started) / 1000;
  const done = summary.analysed + summary.skipped;
  log("info", summary.interrupted ? "run.interrupted" : "run.finished", {
    run: options.run,
    ...summary,
    seconds: Math.round(seconds * 10) / 10,
    promptsPerSecond: seconds > 0 ? Math.round((done / seconds) * 100) / 100 : null,
  });
  return summary;
}

interface ModelRun extends RunDependencies {
  state: RunState;
  progress: ProgressBar;
  options: RunOptions;
  summary: RunSummary;
}

/** Stores a prompt's analysis, records it as finished and counts it. */
async function finishPrompt(studied: StudiedPrompt, run: ModelRun): Promise<void> {
  const record = await storeStudiedPrompt(
    studied,
    run.store,
    run.options.settings,
    (error, attempt) =>
      run.log("warn", "store.retry", {
        attempt,
        code: error.name,
        message: error.message,
      }),
  );
  await run.state.append(record);
  if (record.kind === "analysed") run.summary.analysed++;
  else {
    run.summary.skipped++;
    run.log("warn", "prompt.skipped", {
      model: record.model,
      promptId: record.promptId,
      reason: record.reason,
      message: record.message,
    });
  }
  run.progress.tick(`${record.model} ${record.promptId}`);
}

async function studyModel(name: string, prompts: StudyPrompt[], run: ModelRun) {
  const model = await AttributionModel.load(name, {
    modelsDir: run.env.ATTRIB_MODELS_DIR,
    executionProvider: run.env.ATTRIB_EXECUTION_PROVIDER,
  });
  run.log("info", "model.loaded", { model: name, pending: prompts.length });
  try {
    // Records where the weights came from (file, quantization), which the
    // analyses alone do not carry and the report names.
    await run.store.upsertModel(model.manifest);
    // Each prompt is stored while the next one is analysed: the database
    // and onnxruntime work at the same time.
    let storing: Promise<void> = Promise.resolve();
    for (const prompt of prompts) {
      if (run.shouldStop?.()) {
        run.summary.interrupted = true;
        break;
      }
      const studied = await studyPrompt(model, prompt, run.options.settings);
      await storing;
      storing = finishPrompt(studied, run);
      // Awaited at the next prompt or below; this only keeps a failure from
      // counting as unhandled while the next prompt is analysed.
      storing.catch(() => undefined);
    }
    await storing;
  } finally {
    await model.release();
  }
}
