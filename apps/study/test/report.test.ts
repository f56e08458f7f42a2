import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { fixtureFortunesDir, tinyModelsDir } from "./support/paths.ts";
import { runStudyCommand } from "./support/studyCommand.ts";
import { STUDY_TEST_DATABASE_URL, sql } from "./support/studyDatabase.ts";

const MODELS = ["tiny-llama-tied", "tiny-llama-untied"];
const PROMPTS = 8;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("study report and export on a small corpus", () => {
  let env: Record<string, string>;
  let reportDir: string;
  let analysed: number;

  beforeAll(async () => {
    const scratch = await mkdtemp(join(tmpdir(), "study-report-"));
    reportDir = join(scratch, "reports");
    env = {
      DATABASE_URL: STUDY_TEST_DATABASE_URL,
      ATTRIB_MODELS_DIR: tinyModelsDir,
      STUDY_FORTUNES_DIR: fixtureFortunesDir,
      STUDY_RUNS_DIR: join(scratch, "runs"),
      STUDY_REPORT_DIR: reportDir,
    };
    const run = await runStudyCommand(
      ["run", "--models", MODELS.join(","), "--prompts", String(PROMPTS), "--no-curated"],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const ended = run.logs.find((log) => log.event === "run.finished");
    analysed = Number(ended?.analysed);
    expect(analysed + Number(ended?.skipped)).toBe(MODELS.length * PROMPTS);
    expect(analysed).toBeGreaterThan(MODELS.length * 4);
  });

  it("writes the report with its figures, tied and untied side by side", async () => {
    const result = await runStudyCommand(["report", "--resamples", "200"], env);
    expect(result.code, result.stderr).toBe(0);

    const markdown = await readFile(join(reportDir, "study.md"), "utf8");
    for (const heading of [
      "## The answer in numbers",
      "## Method",
      "## How much the answer depends on the method",
      "## Total effect: removing the final MLP",
      "## The embedding and the current token",
      "## The logit lens: when does the final token come first?",
      "## Weight-tied against untied models",
      "## Limits",
    ]) {
      expect(markdown).toContain(heading);
    }
    expect(markdown).toContain("untied (tiny-llama-untied)");
    expect(markdown).toMatch(/wrote a median \*\*-?−?\d+\.\d%/);

    const figures = await readdir(join(reportDir, "study"));
    expect(figures.sort()).toEqual(
      [
        "final-mlp-medians.png",
        ...MODELS.flatMap((m) => [`${m}-absolute-shares.png`, `${m}-signed-shares.png`]),
      ].sort(),
    );
    for (const figure of figures) {
      const png = await readFile(join(reportDir, "study", figure));
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(markdown).toContain(`](study/${figure})`);
    }

    // Published for the dashboard's Study page: the same text, and statistics
    // that count every analysis of both models.
    const published = await sql<{
      run: string;
      analyses: number;
      markdown: string;
      statistics: { byModel: { label: string; analyses: number }[] };
    }>(
      "SELECT run, analyses, markdown, statistics FROM study_report ORDER BY created_at DESC LIMIT 1",
    );
    expect(published).toHaveLength(1);
    const [report] = published;
    expect(report?.markdown).toBe(markdown);
    expect(report?.analyses).toBe(analysed);
    expect(report?.statistics.byModel.map((group) => group.label).sort()).toEqual(MODELS);
    expect(
      report?.statistics.byModel.reduce((sum, group) => sum + group.analyses, 0),
    ).toBe(analysed);
  });

  it("exports one row per stored analysis as CSV and JSON", async () => {
    const csv = await runStudyCommand(["export", "--format", "csv"], env);
    const json = await runStudyCommand(["export", "--format", "json"], env);

    const lines = csv.stdout.trim().split("\r\n");
    expect(lines[0]).toMatch(/^model,tied_embeddings,n_layers,prompt_id,/);
    expect(lines).toHaveLength(analysed + 1);
    const measures = JSON.parse(json.stdout) as {
      model: string;
      finalMlp: { raw: unknown };
    }[];
    expect(measures).toHaveLength(analysed);
    expect(new Set(measures.map((m) => m.model))).toEqual(new Set(MODELS));
    expect(measures.every((m) => m.finalMlp.raw !== null)).toBe(true);
  });

  it("reads the analyses back from the store, and says so when one is gone", async () => {
    await sql(
      "DELETE FROM analysis WHERE id = (SELECT id FROM analysis WHERE request_id LIKE 'study:tiny-llama-tied:%' LIMIT 1)",
    );
    const result = await runStudyCommand(["report", "--resamples", "200"], env);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is not in the store at DATABASE_URL/);
  });
});
