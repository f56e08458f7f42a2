import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import type { RunRecord } from "../src/run/runRecord.ts";
import { fixtureFortunesDir, modelsDir } from "./support/paths.ts";
import { finished, runStudyCommand, spawnStudy } from "./support/studyCommand.ts";
import { STUDY_TEST_DATABASE_URL, sql } from "./support/studyDatabase.ts";

const MODEL = "smollm2-135m-instruct";
const PROMPTS = 6;
/** Killed once this many prompts are recorded. */
const KILL_AFTER = 2;

async function records(file: string): Promise<RunRecord[]> {
  const text = await readFile(file, "utf8").catch(() => "");
  return text
    .split("\n")
    .filter((line) => line.endsWith("}"))
    .map((line) => JSON.parse(line) as RunRecord);
}

async function untilRecorded(file: string, count: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while ((await records(file)).length < count) {
    if (Date.now() > deadline)
      throw new Error(`fewer than ${count} prompts recorded in time`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("study run, interrupted and resumed", () => {
  let env: Record<string, string>;
  let stateFile: string;

  beforeAll(async () => {
    if (!existsSync(join(modelsDir, MODEL, "manifest.json"))) {
      throw new Error(`${MODEL} is not installed in ${modelsDir}: run npm run setup`);
    }
    const runsDir = await mkdtemp(join(tmpdir(), "study-runs-"));
    env = {
      DATABASE_URL: STUDY_TEST_DATABASE_URL,
      ATTRIB_MODELS_DIR: modelsDir,
      STUDY_FORTUNES_DIR: fixtureFortunesDir,
      STUDY_RUNS_DIR: runsDir,
    };
    stateFile = join(runsDir, "resume", "state.jsonl");
  });

  it("does every prompt exactly once across a kill and a resume", async () => {
    const args = [
      "run",
      "--models",
      MODEL,
      "--prompts",
      String(PROMPTS),
      "--no-curated",
      "--run",
      "resume",
      "--seed",
      "3",
    ];

    const first = spawnStudy(args, env);
    const firstEnd = finished(first);
    await untilRecorded(stateFile, KILL_AFTER, 120_000);
    first.kill("SIGKILL");
    await firstEnd;
    const recordedBefore = (await records(stateFile)).length;
    expect(recordedBefore).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(recordedBefore).toBeLessThan(PROMPTS);

    const second = await runStudyCommand(args, env);
    expect(second.code, second.stderr).toBe(0);
    const started = second.logs.find((log) => log.event === "run.started");
    const ended = second.logs.find((log) => log.event === "run.finished");
    expect(started?.finishedBefore).toBe(recordedBefore);
    expect(ended?.analysed).toBe(PROMPTS - recordedBefore);

    const all = await records(stateFile);
    const promptIds = all.map((record) => record.promptId);
    expect(all).toHaveLength(PROMPTS);
    expect(new Set(promptIds).size).toBe(PROMPTS);

    const stored = await sql<{ request_id: string; id: string }>(
      "SELECT request_id, id FROM analysis WHERE request_id LIKE $1",
      [`study:${MODEL}:%:seed-3`],
    );
    expect(stored).toHaveLength(PROMPTS);
    const analysisIds = all.flatMap((r) => (r.kind === "analysed" ? [r.analysisId] : []));
    expect(new Set(analysisIds)).toEqual(new Set(stored.map((row) => row.id)));
  });

  it("refuses to resume a run with another seed's settings", async () => {
    const result = await runStudyCommand(
      ["run", "--models", MODEL, "--prompts", "1", "--run", "resume", "--seed", "4"],
      env,
    );

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/RUN_MISMATCH/);
    expect(result.stderr).toMatch(/started with seed 3, not 4/);
  });
});
