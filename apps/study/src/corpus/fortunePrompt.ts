import { type Random, randomInteger } from "@attrib/study";

import { cleanFortune } from "./cleanFortune.ts";
import type { Fortune } from "./readFortunes.ts";
import type { StudyPrompt } from "./types.ts";

/** How long a prompt cut from a fortune may be, in words. */
export interface PromptLength {
  minWords: number;
  maxWords: number;
}

export const DEFAULT_PROMPT_LENGTH: PromptLength = { minWords: 4, maxWords: 40 };

/** Share of words that must contain a letter for a fortune to count as prose. */
const PROSE_WORD_FRACTION = 0.8;
/** Longer "words" are drawings, URLs or rules of dashes, not prose. */
const LONGEST_WORD = 25;

/**
 * A prompt cut from a fortune at a word boundary, keeping a random number
 * of its first words and at least one word after them, so that the text
 * really goes on where the prompt stops.
 *
 * @param random - draws the prompt's length
 * @returns null for a fortune too short to cut, or one that is not prose
 *   (ASCII art, tables)
 */
export function fortunePrompt(
  fortune: Fortune,
  random: Random,
  length: PromptLength = DEFAULT_PROMPT_LENGTH,
): StudyPrompt | null {
  const words = cleanFortune(fortune.text).split(" ").filter(Boolean);
  if (words.length < length.minWords + 1 || !isProse(words)) return null;

  const kept = randomInteger(
    random,
    length.minWords,
    Math.min(length.maxWords, words.length - 1),
  );
  return {
    id: `fortune/${fortune.file}/${fortune.index}`,
    text: words.slice(0, kept).join(" "),
    source: {
      kind: "fortune",
      file: fortune.file,
      index: fortune.index,
      words: kept,
      fortuneWords: words.length,
    },
  };
}

function isProse(words: string[]): boolean {
  const lettered = words.filter((word) => /\p{L}/u.test(word)).length;
  const longest = Math.max(...words.map((word) => word.length));
  return lettered >= PROSE_WORD_FRACTION * words.length && longest <= LONGEST_WORD;
}
