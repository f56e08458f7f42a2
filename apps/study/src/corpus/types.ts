/** The curated prompts' kinds. */
export const curatedCategories = ["factual", "code", "narrative"] as const;
export type CuratedCategory = (typeof curatedCategories)[number];

/** Where a prompt came from, enough to rebuild it. */
export type PromptSource =
  | {
      kind: "fortune";
      /** The fortune file's name, e.g. `people`. */
      file: string;
      /** 0-based position among the file's %-separated entries. */
      index: number;
      /** How many of the fortune's words the prompt keeps. */
      words: number;
      /** How many words the cleaned fortune has. */
      fortuneWords: number;
    }
  | { kind: "curated"; category: CuratedCategory };

export interface StudyPrompt {
  /** `fortune/people/12` or `curated/factual/3`: unique within a corpus. */
  id: string;
  text: string;
  source: PromptSource;
}

/** The label a prompt's measures are grouped by: `fortune` or `curated/<category>`. */
export function sourceLabel(source: PromptSource): string {
  return source.kind === "fortune" ? "fortune" : `curated/${source.category}`;
}
