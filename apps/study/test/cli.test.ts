import { describe, expect, it } from "vitest";

import { parseStudyArgs } from "../src/cli/parseStudyArgs.ts";
import { isStudyCliError } from "../src/errors/StudyCliError.ts";
import { toCsv } from "../src/export/toCsv.ts";
import { formatDuration } from "../src/progress/formatDuration.ts";
import { ProgressBar } from "../src/progress/ProgressBar.ts";

describe("parseStudyArgs", () => {
  it("runs every model over 500 fortunes and the curated set by default", () => {
    expect(parseStudyArgs(["run"])).toEqual({
      command: "run",
      run: "seed-1",
      seed: 1,
      models: "all",
      prompts: 500,
      curated: true,
      k: 5,
      ablate: ["zero", "mean"],
    });
  });

  it("reads models, seed, run name and --no-curated", () => {
    const command = parseStudyArgs([
      "run",
      "--models",
      "a,b",
      "--seed",
      "7",
      "--no-curated",
      "--ablate",
      "mean",
    ]);
    expect(command).toMatchObject({
      run: "seed-7",
      models: ["a", "b"],
      curated: false,
      ablate: ["mean"],
    });
  });

  it("refuses bad values, naming what is accepted", () => {
    const attempts = [
      ["run", "--prompts", "many"],
      ["export", "--format", "xlsx"],
      ["run", "--ablate", "half"],
      ["dance"],
    ];
    for (const argv of attempts) {
      let caught: unknown;
      try {
        parseStudyArgs(argv);
      } catch (error) {
        caught = error;
      }
      expect(isStudyCliError(caught, "INVALID_OPTION")).toBe(true);
    }
    expect(() => parseStudyArgs(["export", "--format", "xlsx"])).toThrow(/json or csv/);
  });
});

describe("ProgressBar", () => {
  it("shows count, rate of this session and time left, counting earlier sessions' work", () => {
    let now = 0;
    const written: string[] = [];
    const bar = new ProgressBar(
      10,
      4,
      { isTTY: false, write: (t) => written.push(t) },
      () => now,
    );
    now = 1000;
    bar.tick("m p1");
    now = 2000;
    bar.tick("m p2");

    expect(bar.line("m p2")).toBe(
      "[##############----------] 6/10 60% 1.00 prompts/s ETA 4s m p2",
    );
    expect(written).toHaveLength(1);
    expect(formatDuration(3_725_000)).toBe("1h02m");
  });
});

describe("toCsv", () => {
  it("quotes fields with commas, quotes and line breaks, and leaves nulls empty", () => {
    const csv = toCsv(["a", "b", "c"], [{ a: 'say "hi", then\ngo', b: null, c: 1.5 }]);

    expect(csv).toBe('a,b,c\r\n"say ""hi"", then\ngo",,1.5\r\n');
  });
});
