import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";

import { z } from "zod";

import { StudyCliError } from "../errors/StudyCliError.ts";
import { curatedCategories, type StudyPrompt } from "../corpus/types.ts";
import type { RunPaths } from "./runPaths.ts";

const promptSchema = z.object({
  id: z.string(),
  text: z.string(),
  source: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("fortune"),
      file: z.string(),
      index: z.number().int(),
      words: z.number().int(),
      fortuneWords: z.number().int(),
    }),
    z.object({ kind: z.literal("curated"), category: z.enum(curatedCategories) }),
  ]),
});

/**
 * Writes the run's corpus file, after checking that every prompt it already
 * lists has the same text now: a changed fortune file or curated set would
 * otherwise mix two corpora in one run.
 *
 * @throws {@link StudyCliError} RUN_MISMATCH naming a prompt whose text changed
 */
export async function settleRunCorpus(
  paths: RunPaths,
  prompts: readonly StudyPrompt[],
): Promise<void> {
  const earlier = existsSync(paths.corpus) ? await readRunCorpus(paths) : [];
  const texts = new Map(prompts.map((prompt) => [prompt.id, prompt.text]));
  const changed = earlier.find((prompt) => {
    const now = texts.get(prompt.id);
    return now !== undefined && now !== prompt.text;
  });
  if (changed) {
    throw new StudyCliError(
      "RUN_MISMATCH",
      `prompt ${changed.id} of run ${paths.dir} was ${JSON.stringify(changed.text)} ` +
        `and is now ${JSON.stringify(texts.get(changed.id))}: the fortune files or the ` +
        "curated set changed since the run started; start another run with --run NAME",
    );
  }
  const kept = earlier.filter((prompt) => !texts.has(prompt.id));
  const lines = [...prompts, ...kept].map((prompt) => JSON.stringify(prompt));
  await writeFile(paths.corpus, `${lines.join("\n")}\n`);
}

/**
 * The prompts a run has listed.
 *
 * @throws {@link StudyCliError} RUN_CORRUPT for a line that is not a prompt
 */
export async function readRunCorpus(paths: RunPaths): Promise<StudyPrompt[]> {
  const text = await readFile(paths.corpus, "utf8").catch(() => "");
  return text
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      const parsed = promptSchema.safeParse(safeJson(line));
      if (!parsed.success) {
        throw new StudyCliError(
          "RUN_CORRUPT",
          `line ${i + 1} of ${paths.corpus} is not a prompt; start another run with --run NAME`,
        );
      }
      return parsed.data;
    });
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
