import { performance } from "node:perf_hooks";

import {
  type AttributionModel,
  type AttributionResult,
  finalMlpIndex,
  parseComponent,
} from "@attrib/core";

import type { StudyPrompt } from "../corpus/types.ts";
import type { RunSettings } from "./runSettings.ts";

export interface AnalyzedPrompt {
  result: AttributionResult;
  /** The prompt's last token as text: the named target the store records. */
  currentToken: string;
}

/**
 * Analyses one prompt the study's way: the top k tokens plus the prompt's
 * last token as a named target (for the embedding's push on the current
 * token), the logit lens, and the final MLP ablated once per mode. The
 * first mode shares the lens's call; each further mode costs a call of its
 * own, since core ablates in one mode per call.
 *
 * @throws {@link AttribError} EMPTY_TEXT, TEXT_TOO_LONG and the rest of
 * what {@link AttributionModel.analyzeTokens} throws
 */
export async function analyzePrompt(
  model: AttributionModel,
  prompt: StudyPrompt,
  settings: RunSettings,
): Promise<AnalyzedPrompt> {
  const started = performance.now();
  const { ids, tokens } = model.tokenizer.encodePrompt(prompt.text);
  const tokenized = performance.now();
  const current = ids.at(-1) ?? -1;
  const ablate = [finalMlpName(model)];
  const [firstMode, ...otherModes] = settings.ablationModes;

  const result = await model.analyzeTokens(
    ids,
    current >= 0 ? [current] : [],
    settings.k,
    {
      lens: true,
      ...(firstMode && { ablate, ablateMode: firstMode }),
    },
  );
  for (const mode of otherModes) {
    const more = await model.analyzeTokens(ids, [current], settings.k, {
      ablate,
      ablateMode: mode,
    });
    result.ablations = [...(result.ablations ?? []), ...(more.ablations ?? [])];
  }

  const total = performance.now() - started;
  return {
    result: {
      ...result,
      prompt: { text: prompt.text, tokenIds: ids, tokens },
      timings: { ...result.timings, tokenizeMs: tokenized - started, totalMs: total },
    },
    currentToken: model.tokenizer.decode(current),
  };
}

/** The last layer's MLP, e.g. `L29.mlp`. */
function finalMlpName(model: AttributionModel): string {
  const components = model.manifest.components.map(parseComponent);
  return components[finalMlpIndex({ components })]?.name ?? "";
}
