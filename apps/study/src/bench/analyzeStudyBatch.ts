import {
  type AttributionModel,
  type AttributionResult,
  finalMlpIndex,
  parseComponent,
} from "@attrib/core";

import type { StudyPrompt } from "../corpus/types.ts";
import type { RunSettings } from "../run/runSettings.ts";

/**
 * The study's analysis of {@link analyzePrompt} for many prompts at once,
 * several per graph run: top k plus the prompt's last token as a named
 * target, the logit lens and the final MLP ablated in each mode. Each result
 * equals what `analyzePrompt` gives for its prompt alone, up to float32
 * rounding.
 *
 * @param batchSize - the most prompts per graph run
 */
export async function analyzeStudyBatch(
  model: AttributionModel,
  prompts: readonly StudyPrompt[],
  settings: RunSettings,
  batchSize: number,
): Promise<AttributionResult[]> {
  const tokenPrompts = prompts.map((prompt) => {
    const { ids } = model.tokenizer.encodePrompt(prompt.text);
    const current = ids.at(-1) ?? -1;
    return { tokenIds: ids, targetIds: current >= 0 ? [current] : [] };
  });
  const ablate = [finalMlpName(model)];
  const [firstMode, ...otherModes] = settings.ablationModes;

  const results = await model.analyzeTokensBatch(tokenPrompts, settings.k, {
    lens: true,
    batchSize,
    ...(firstMode && { ablate, ablateMode: firstMode }),
  });
  for (const mode of otherModes) {
    const more = await model.analyzeTokensBatch(tokenPrompts, settings.k, {
      ablate,
      ablateMode: mode,
      batchSize,
    });
    results.forEach((result, i) => {
      result.ablations = [...(result.ablations ?? []), ...(more[i]?.ablations ?? [])];
    });
  }
  return results.map((result, i) => ({
    ...result,
    prompt: { ...result.prompt, text: prompts[i]?.text ?? "" },
  }));
}

/** The last layer's MLP, e.g. `L29.mlp`. */
function finalMlpName(model: AttributionModel): string {
  const components = model.manifest.components.map(parseComponent);
  return components[finalMlpIndex({ components })]?.name ?? "";
}
