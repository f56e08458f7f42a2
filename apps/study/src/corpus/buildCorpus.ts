import { readCuratedPrompts } from "./readCuratedPrompts.ts";
import { readFortunes } from "./readFortunes.ts";
import { sampleFortunePrompts } from "./sampleFortunePrompts.ts";
import type { StudyPrompt } from "./types.ts";

export interface CorpusOptions {
  fortunesDir: string;
  seed: number;
  /** How many prompts to cut from fortunes. */
  fortunePrompts: number;
  /** Whether to add the curated set after them. */
  curated: boolean;
}

/**
 * The study's prompts: fortunes sampled with the seed, then the curated set.
 *
 * @throws {@link StudyCliError} NO_CORPUS without fortune files
 */
export async function buildCorpus(options: CorpusOptions): Promise<StudyPrompt[]> {
  const fortunes = await readFortunes(options.fortunesDir);
  const sampled = sampleFortunePrompts(fortunes, {
    seed: options.seed,
    count: options.fortunePrompts,
  });
  return options.curated ? [...sampled, ...(await readCuratedPrompts())] : sampled;
}
