import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

import { StudyCliError } from "../errors/StudyCliError.ts";

/** One entry of a fortune file, as written there. */
export interface Fortune {
  file: string;
  /** 0-based position among the file's %-separated entries. */
  index: number;
  text: string;
}

/**
 * Reads every fortune file in a folder laid out as Debian's fortune-mod
 * packages install it: one text file per collection, entries separated by
 * lines holding a single `%`, beside `.dat` indexes and `.u8` links, which
 * are skipped.
 *
 * @param dir - e.g. /usr/share/games/fortunes
 * @throws {@link StudyCliError} NO_CORPUS when the folder has no fortune file
 */
export async function readFortunes(dir: string): Promise<Fortune[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((entry) => entry.isFile() && !/\.(dat|u8)$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  if (files.length === 0) {
    throw new StudyCliError(
      "NO_CORPUS",
      `no fortune files in ${dir}: install them with ` +
        "`apt-get install -y fortune-mod fortunes` (npm run setup does), or point " +
        "STUDY_FORTUNES_DIR at a folder of fortune files",
    );
  }

  const fortunes: Fortune[] = [];
  for (const file of files) {
    const text = await readFile(join(dir, file), "utf8");
    splitEntries(text).forEach((entry, index) =>
      fortunes.push({ file, index, text: entry }),
    );
  }
  return fortunes;
}

function splitEntries(text: string): string[] {
  const entries: string[] = [];
  let lines: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === "%") {
      entries.push(lines.join("\n"));
      lines = [];
    } else lines.push(line);
  }
  const last = lines.join("\n");
  if (last.trim().length > 0) entries.push(last);
  return entries;
}
