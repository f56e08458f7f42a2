import { writeFile } from "node:fs/promises";

import { isAttribError } from "@attrib/core";
import { createStore, isStoreError, type Store } from "@attrib/store";
import { isStudyError } from "@attrib/study";

import { benchStudy } from "./bench/benchStudy.ts";
import { parseStudyArgs, type StudyCommand, USAGE } from "./cli/parseStudyArgs.ts";
import { loadEnv, type StudyEnv } from "./env.ts";
import { isStudyCliError } from "./errors/StudyCliError.ts";
import { exportMeasures } from "./export/exportMeasures.ts";
import { createLogger, type Logger } from "./logging/createLogger.ts";
import { loadStudyMeasures } from "./measures/loadStudyMeasures.ts";
import { writeReport } from "./report/writeReport.ts";
import { runPaths } from "./run/runPaths.ts";
import { runStudy } from "./run/runStudy.ts";

/** Exit status of a run stopped by Ctrl-C, as shells report SIGINT. */
const INTERRUPTED_EXIT = 130;

async function main(argv: string[]): Promise<number> {
  const command = parseStudyArgs(argv);
  if (command.command === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const env = loadEnv();
  // An export to stdout keeps stdout for the data; its log lines go to stderr.
  const toStderr = command.command === "export" && command.out === undefined;
  const log = createLogger((line) =>
    (toStderr ? process.stderr : process.stdout).write(`${line}\n`),
  );
  if (command.command === "bench") {
    await benchStudy(command, env, log);
    return 0;
  }
  const store = createStore({
    databaseUrl: env.DATABASE_URL,
    onPoolError: (error) =>
      log("warn", "database.pool_error", { message: error.message }),
  });
  try {
    return await storeCommand(command, env, store, log);
  } finally {
    await store.close();
  }
}

async function storeCommand(
  command: Exclude<StudyCommand, { command: "help" | "bench" }>,
  env: StudyEnv,
  store: Store,
  log: Logger,
): Promise<number> {
  const paths = runPaths(env.STUDY_RUNS_DIR, command.run);
  switch (command.command) {
    case "run": {
      const stop = stopOnSignal(log);
      const summary = await runStudy(
        {
          run: command.run,
          models: command.models,
          fortunePrompts: command.prompts,
          curated: command.curated,
          settings: { seed: command.seed, k: command.k, ablationModes: command.ablate },
        },
        { env, store, log, shouldStop: stop },
      );
      return summary.interrupted ? INTERRUPTED_EXIT : 0;
    }
    case "report": {
      const written = await writeReport(
        {
          run: command.run,
          paths,
          reportDir: command.out ?? env.STUDY_REPORT_DIR,
          fortunesDir: env.STUDY_FORTUNES_DIR,
          bootstrap: { resamples: command.resamples },
        },
        store,
      );
      log("info", "report.written", written);
      return 0;
    }
    case "export": {
      const study = await loadStudyMeasures(paths, store);
      const text = exportMeasures(study.measures, command.format);
      if (command.out === undefined) process.stdout.write(text);
      else await writeFile(command.out, text);
      log("info", "export.written", {
        run: command.run,
        format: command.format,
        analyses: study.measures.length,
        out: command.out ?? "stdout",
      });
      return 0;
    }
  }
}

/** The first Ctrl-C (or SIGTERM) stops after the current prompt; a second one at once. */
function stopOnSignal(log: Logger): () => boolean {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(INTERRUPTED_EXIT);
    stopping = true;
    log("info", "run.stopping", { signal, after: "the current prompt" });
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return () => stopping;
}

function isKnownError(error: unknown): error is Error & { code: string } {
  return (
    isStudyCliError(error) ||
    isAttribError(error) ||
    isStoreError(error) ||
    isStudyError(error)
  );
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!isKnownError(error)) throw error;
  const log = createLogger((line) => process.stderr.write(`${line}\n`));
  log("error", "study.failed", { code: error.code, message: error.message });
  process.exitCode = error.code === "INVALID_OPTION" ? 2 : 1;
}
