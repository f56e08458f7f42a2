import { performance } from "node:perf_hooks";

import { type AttributionModel, isAttribError } from "@attrib/core";

import type { StudyPrompt } from "../corpus/types.ts";
import { type AnalyzedPrompt, analyzePrompt } from "./analyzePrompt.ts";
import type { RunRecord } from "./runRecord.ts";
import type { RunSettings } from "./runSettings.ts";

/** Core's verdicts on a prompt itself, which skip it rather than stop the run. */
const PROMPT_FAILURES = new Set(["EMPTY_TEXT", "TEXT_TOO_LONG", "TARGET_NOT_ONE_TOKEN"]);

/** A prompt analysed and waiting to be stored, or refused by the model. */
export type StudiedPrompt =
  | {
      kind: "analysed";
      model: string;
      prompt: StudyPrompt;
      analyzed: AnalyzedPrompt;
      analyzeMs: number;
    }
  | { kind: "skipped"; record: Extract<RunRecord, { kind: "skipped" }> };

/**
 * Analyses one prompt with one model, or records why the model refused it
 * (e.g. longer than its context).
 *
 * @throws {@link AttribError} for failures that are not the prompt's own
 */
export async function studyPrompt(
  model: AttributionModel,
  prompt: StudyPrompt,
  settings: RunSettings,
): Promise<StudiedPrompt> {
  const name = model.manifest.name;
  const started = performance.now();
  try {
    const analyzed = await analyzePrompt(model, prompt, settings);
    return {
      kind: "analysed",
      model: name,
      prompt,
      analyzed,
      analyzeMs: performance.now() - started,
    };
  } catch (error) {
    if (!isAttribError(error) || !PROMPT_FAILURES.has(error.code)) throw error;
    return {
      kind: "skipped",
      record: {
        kind: "skipped",
        model: name,
        promptId: prompt.id,
        reason: error.code,
        message: error.message,
        at: new Date().toISOString(),
      },
    };
  }
}
