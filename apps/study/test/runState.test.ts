import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { isStudyCliError } from "../src/errors/StudyCliError.ts";
import type { RunRecord } from "../src/run/runRecord.ts";
import { RunState } from "../src/run/RunState.ts";

const skipped = (promptId: string): RunRecord => ({
  kind: "skipped",
  model: "m",
  promptId,
  reason: "TEXT_TOO_LONG",
  message: "too long",
  at: "2026-01-01T00:00:00.000Z",
});

async function stateFile(content: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), "study-state-")), "state.jsonl");
  await writeFile(file, content);
  return file;
}

describe("RunState", () => {
  it("remembers finished prompts across opening", async () => {
    const file = await stateFile("");
    const state = await RunState.open(file);
    await state.append(skipped("a"));

    const reopened = await RunState.open(file);
    expect(reopened.has("m", "a")).toBe(true);
    expect(reopened.has("m", "b")).toBe(false);
    expect(reopened.has("other", "a")).toBe(false);
  });

  it("drops a torn last line left by a killed process, and appends on a fresh line", async () => {
    const file = await stateFile(`${JSON.stringify(skipped("a"))}\n{"kind":"anal`);
    const state = await RunState.open(file);
    await state.append(skipped("b"));

    expect(state.repaired).toBe(true);
    expect(state.records().map((r) => r.promptId)).toEqual(["a", "b"]);
    const lines = (await readFile(file, "utf8")).trim().split("\n");
    expect(lines.map((line) => (JSON.parse(line) as RunRecord).promptId)).toEqual([
      "a",
      "b",
    ]);
  });

  it("reads a run being written without touching its file", async () => {
    const content = `${JSON.stringify(skipped("a"))}\n{"kind":"anal`;
    const file = await stateFile(content);

    expect((await RunState.read(file)).map((r) => r.promptId)).toEqual(["a"]);
    expect(await readFile(file, "utf8")).toBe(content);
  });

  it("refuses to resume from a state file broken before its last line", async () => {
    const file = await stateFile(`not json\n${JSON.stringify(skipped("a"))}\n`);
    const failure = await RunState.open(file).catch((e: unknown) => e);

    expect(isStudyCliError(failure, "RUN_CORRUPT")).toBe(true);
  });
});
