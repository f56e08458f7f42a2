import { appendFile, readFile, writeFile } from "node:fs/promises";

import { StudyCliError } from "../errors/StudyCliError.ts";
import { type RunRecord, runRecordSchema } from "./runRecord.ts";

/**
 * A run's progress: one JSON line per finished (model, prompt), appended as
 * each finishes, so an interrupted run resumes where it stopped. A process
 * killed while writing can leave a torn last line; it is dropped on opening
 * and that prompt is done again (the store returns the analysis saved
 * before, under the same request id).
 */
export class RunState {
  private constructor(
    readonly file: string,
    private readonly finished: Map<string, RunRecord>,
    /** Whether a torn last line was dropped when opening. */
    readonly repaired: boolean,
  ) {}

  /**
   * Opens a state file to resume a run, creating it when missing and
   * dropping a torn last line. Only the run itself may open it so.
   *
   * @throws {@link StudyCliError} RUN_CORRUPT for a bad line before the last
   */
  static async open(file: string): Promise<RunState> {
    const { records, torn, text } = await readState(file);
    if (torn.length > 0 || text.length === 0) {
      await writeFile(
        file,
        records.map((record) => `${JSON.stringify(record)}\n`).join(""),
      );
    }
    return new RunState(file, finishedOf(records), torn.length > 0);
  }

  /**
   * The records of a state file, read without changing it, so that a report
   * can be made while the run goes on: a torn last line is left out.
   *
   * @throws {@link StudyCliError} RUN_CORRUPT for a bad line before the last
   */
  static async read(file: string): Promise<RunRecord[]> {
    const { records } = await readState(file);
    return [...finishedOf(records).values()];
  }

  /** Whether this model has finished this prompt, analysed or skipped. */
  has(model: string, promptId: string): boolean {
    return this.finished.has(key(model, promptId));
  }

  /** Every finished record, in the order they finished. */
  records(): RunRecord[] {
    return [...this.finished.values()];
  }

  /** Records one finished (model, prompt) on disk before counting it done. */
  async append(record: RunRecord): Promise<void> {
    await appendFile(this.file, `${JSON.stringify(record)}\n`);
    this.finished.set(key(record.model, record.promptId), record);
  }
}

async function readState(file: string) {
  const text = await readFile(file, "utf8").catch(() => "");
  const lines = text.split("\n");
  const torn = lines.at(-1) ?? "";
  const records = lines.slice(0, -1).map((line, i) => {
    const record = parseRecord(line);
    if (!record) {
      throw new StudyCliError(
        "RUN_CORRUPT",
        `line ${i + 1} of ${file} is not a run record; the run cannot be resumed ` +
          "safely: start another with --run NAME",
      );
    }
    return record;
  });
  return { records, torn, text };
}

function finishedOf(records: RunRecord[]): Map<string, RunRecord> {
  return new Map(records.map((record) => [key(record.model, record.promptId), record]));
}

function key(model: string, promptId: string): string {
  return `${model}\u0000${promptId}`;
}

function parseRecord(line: string): RunRecord | null {
  try {
    const parsed = runRecordSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
