import { parseArgs } from "node:util";

import type { AblationMode } from "@attrib/core";

import { StudyCliError } from "../errors/StudyCliError.ts";
import type { ExportFormat } from "../export/exportMeasures.ts";

export const USAGE = `Usage: npm run study -- <command> [options]

Runs the final-MLP study: attribution over a corpus of real text (Debian's
fortunes plus a small curated set) for every installed model, stored in the
shared store, with statistics and a report.

Commands:
  run      analyse the corpus; resumes an interrupted run without redoing prompts
  report   regenerate the report (reports/study.md and its PNG figures) from stored data
  export   print every analysis's measures as JSON or CSV
  bench    prompts per second of the study's analysis for one model (no store)

Options:
  --run NAME          run folder under .cache/study (default: seed-<seed>)
  --seed N            corpus and bootstrap seed (default 1)
  --models all|A,B    run: models to analyse (default all installed)
  --prompts N         run, bench: prompts cut from fortunes (default 500; bench 30)
  --no-curated        run: leave out the curated prompts
  --k N               run: top tokens per analysis (default 5)
  --ablate M[,M]      run: how to remove the final MLP: zero, mean (default zero,mean)
  --format json|csv   export: format (default csv)
  --out PATH          export: file instead of stdout; report: folder (default reports/)
  --resamples N       report: bootstrap resamples per interval (default 2000)
  --model NAME        bench: model (default smollm2-135m-instruct)
  --help              show this help

Example:
  npm run study -- run --models all --prompts 500 --seed 1 && npm run study -- report`;

interface Common {
  run: string;
  seed: number;
}

export type StudyCommand =
  | (Common & {
      command: "run";
      models: "all" | string[];
      prompts: number;
      curated: boolean;
      k: number;
      ablate: AblationMode[];
    })
  | (Common & { command: "report"; out: string | undefined; resamples: number })
  | (Common & { command: "export"; format: ExportFormat; out: string | undefined })
  | (Common & { command: "bench"; model: string; prompts: number })
  | { command: "help" };

const COMMANDS = ["run", "report", "export", "bench"] as const;

/**
 * Reads the command line.
 *
 * @throws {@link StudyCliError} INVALID_OPTION naming what is wrong
 */
export function parseStudyArgs(argv: string[]): StudyCommand {
  const values = parseValues(argv);
  const [command, ...extra] = values.positionals;
  if (values.help || command === undefined) return { command: "help" };
  if (!isCommand(command) || extra.length > 0) {
    invalid(
      `unknown command "${[command, ...extra].join(" ")}"; use ${COMMANDS.join(", ")}`,
    );
  }

  const seed = wholeNumber(values.seed ?? "1", "--seed", 0);
  const common = { run: values.run ?? `seed-${seed}`, seed };
  switch (command) {
    case "run":
      return {
        ...common,
        command,
        models: parseModels(values.models ?? "all"),
        prompts: wholeNumber(values.prompts ?? "500", "--prompts", 0),
        curated: values.curated,
        k: wholeNumber(values.k ?? "5", "--k", 1),
        ablate: parseAblate(values.ablate ?? "zero,mean"),
      };
    case "report":
      return {
        ...common,
        command,
        out: values.out,
        resamples: wholeNumber(values.resamples ?? "2000", "--resamples", 1),
      };
    case "export":
      return {
        ...common,
        command,
        format: parseFormat(values.format ?? "csv"),
        out: values.out,
      };
    case "bench":
      return {
        ...common,
        command,
        model: values.model ?? "smollm2-135m-instruct",
        prompts: wholeNumber(values.prompts ?? "30", "--prompts", 1),
      };
  }
}

function parseValues(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      options: {
        run: { type: "string" },
        seed: { type: "string" },
        models: { type: "string" },
        model: { type: "string" },
        prompts: { type: "string" },
        curated: { type: "boolean", default: true },
        k: { type: "string" },
        ablate: { type: "string" },
        format: { type: "string" },
        out: { type: "string" },
        resamples: { type: "string" },
        help: { type: "boolean", default: false },
      },
    });
    return { ...values, positionals };
  } catch (cause) {
    return invalid(`${cause instanceof Error ? cause.message : String(cause)}`, cause);
  }
}

function isCommand(command: string): command is (typeof COMMANDS)[number] {
  return (COMMANDS as readonly string[]).includes(command);
}

function wholeNumber(text: string, option: string, lowest: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < lowest) {
    invalid(`${option} takes a whole number ≥ ${lowest}, not "${text}"`);
  }
  return value;
}

function parseModels(text: string): "all" | string[] {
  if (text === "all") return "all";
  const names = text
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0)
    invalid(`--models takes all or model names separated by commas`);
  return names;
}

function parseAblate(text: string): AblationMode[] {
  const modes = text
    .split(",")
    .map((mode) => mode.trim())
    .filter(Boolean);
  const bad = modes.find((mode) => mode !== "zero" && mode !== "mean");
  if (bad !== undefined || new Set(modes).size !== modes.length) {
    invalid(`--ablate takes zero, mean or zero,mean, not "${text}"`);
  }
  return modes as AblationMode[];
}

function parseFormat(text: string): ExportFormat {
  if (text === "json" || text === "csv") return text;
  return invalid(`--format takes json or csv, not "${text}"`);
}

function invalid(message: string, cause?: unknown): never {
  throw new StudyCliError("INVALID_OPTION", `${message}\n\n${USAGE}`, { cause });
}
