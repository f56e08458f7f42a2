import { createRandom, shuffled } from "@attrib/study";

import {
  DEFAULT_PROMPT_LENGTH,
  fortunePrompt,
  type PromptLength,
} from "./fortunePrompt.ts";
import type { Fortune } from "./readFortunes.ts";
import type { StudyPrompt } from "./types.ts";

/**
 * Draws prompts from fortunes reproducibly: the fortunes are shuffled with
 * the seed and taken in that order, each cut to a random length, skipping
 * those that are not prose. Asking for more prompts with the same seed keeps
 * the first ones unchanged, so a run can be extended.
 *
 * @param fortunes - every fortune, in file order
 * @param count - how many prompts; fewer when the fortunes run out
 */
export function sampleFortunePrompts(
  fortunes: readonly Fortune[],
  options: { seed: number; count: number; length?: PromptLength },
): StudyPrompt[] {
  const random = createRandom(options.seed);
  const prompts: StudyPrompt[] = [];
  for (const fortune of shuffled(fortunes, random)) {
    if (prompts.length >= options.count) break;
    const prompt = fortunePrompt(
      fortune,
      random,
      options.length ?? DEFAULT_PROMPT_LENGTH,
    );
    if (prompt) prompts.push(prompt);
  }
  return prompts;
}
