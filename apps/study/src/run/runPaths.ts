import { join } from "node:path";

import { StudyCliError } from "../errors/StudyCliError.ts";

/** The files of one run's folder. */
export interface RunPaths {
  dir: string;
  /** The settings it was started with (run.json). */
  config: string;
  /** Its prompts, one JSON object a line, with their sources. */
  corpus: string;
  /** One line per finished (model, prompt): the resumable progress. */
  state: string;
}

/**
 * Where a run keeps its files.
 *
 * @param runsDir - the folder of all runs (STUDY_RUNS_DIR)
 * @param run - the run's name, e.g. `seed-1`
 * @throws {@link StudyCliError} INVALID_OPTION for a name that is not a plain folder name
 */
export function runPaths(runsDir: string, run: string): RunPaths {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(run)) {
    throw new StudyCliError(
      "INVALID_OPTION",
      `--run takes a plain folder name of letters, digits, ".", "_" and "-", ` +
        `not ${JSON.stringify(run)}`,
    );
  }
  const dir = join(runsDir, run);
  return {
    dir,
    config: join(dir, "run.json"),
    corpus: join(dir, "corpus.jsonl"),
    state: join(dir, "state.jsonl"),
  };
}
