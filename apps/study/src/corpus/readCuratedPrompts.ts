import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { z } from "zod";

import { StudyCliError } from "../errors/StudyCliError.ts";
import { curatedCategories, type StudyPrompt } from "./types.ts";

/** The curated set checked in beside the app. */
export const CURATED_PROMPTS_FILE = fileURLToPath(
  new URL("../../corpus/curated.json", import.meta.url),
);

const curatedSchema = z.object({
  description: z.string(),
  prompts: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        category: z.enum(curatedCategories),
        text: z.string().min(1),
        /** The continuation the prompt was written for; documentation only. */
        expected: z.string().optional(),
      }),
    )
    .min(1),
});

/**
 * The curated factual-recall, code and narrative prompts.
 *
 * @throws {@link StudyCliError} RUN_CORRUPT when the file is not as expected
 */
export async function readCuratedPrompts(
  file: string = CURATED_PROMPTS_FILE,
): Promise<StudyPrompt[]> {
  const parsed = curatedSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
  if (!parsed.success) {
    throw new StudyCliError(
      "RUN_CORRUPT",
      `${file} is not a curated prompt set: ${parsed.error.issues[0]?.message ?? ""}`,
    );
  }
  return parsed.data.prompts.map((prompt) => ({
    id: `curated/${prompt.category}/${prompt.id}`,
    text: prompt.text,
    source: { kind: "curated", category: prompt.category },
  }));
}
