import { isStoreError, type Store } from "@attrib/store";
import { type AnalysisMeasures, measureAnalysis } from "@attrib/study";

import { StudyCliError } from "../errors/StudyCliError.ts";
import { type StudyPrompt, sourceLabel } from "../corpus/types.ts";
import { readRunCorpus } from "../run/runCorpus.ts";
import type { RunPaths } from "../run/runPaths.ts";
import type { AnalysedRecord, RunRecord } from "../run/runRecord.ts";
import { type RunSettings, readRunSettings } from "../run/runSettings.ts";
import { RunState } from "../run/RunState.ts";

/** A run as stored: its settings, corpus, progress, and the measures of its analyses. */
export interface StoredStudy {
  settings: RunSettings;
  prompts: StudyPrompt[];
  records: RunRecord[];
  measures: AnalysisMeasures[];
}

/** Analyses read from the store at once. */
const CONCURRENT_READS = 4;

/**
 * Reads a run back: each analysis from the shared store, measured there,
 * with the lens and ablation measures the run's state file kept for it.
 *
 * @throws {@link StudyCliError} NOTHING_STORED for a run that never
 * started or has no analysis, RUN_CORRUPT for an analysis missing from the
 * store or a record of a prompt not in the corpus; {@link StoreError}
 */
export async function loadStudyMeasures(
  paths: RunPaths,
  store: Store,
): Promise<StoredStudy> {
  const settings = await readRunSettings(paths);
  const prompts = await readRunCorpus(paths);
  const records = await RunState.read(paths.state);
  const analysed = records.filter((r): r is AnalysedRecord => r.kind === "analysed");
  if (analysed.length === 0) {
    throw new StudyCliError(
      "NOTHING_STORED",
      `run ${paths.dir} has no analysis yet: run \`npm run study -- run\` first`,
    );
  }

  const byId = new Map(prompts.map((prompt) => [prompt.id, prompt]));
  const measures: AnalysisMeasures[] = [];
  for (let i = 0; i < analysed.length; i += CONCURRENT_READS) {
    const batch = analysed.slice(i, i + CONCURRENT_READS);
    measures.push(
      ...(await Promise.all(batch.map((record) => measureRecord(record, byId, store)))),
    );
  }
  return { settings, prompts, records, measures };
}

async function measureRecord(
  record: AnalysedRecord,
  prompts: Map<string, StudyPrompt>,
  store: Store,
): Promise<AnalysisMeasures> {
  const prompt = prompts.get(record.promptId);
  if (!prompt) {
    throw new StudyCliError(
      "RUN_CORRUPT",
      `the run analysed prompt ${record.promptId}, which its corpus file does not list`,
    );
  }
  const stored = await store.findAnalysis(record.analysisId).catch((error: unknown) => {
    if (!isStoreError(error, "NOT_FOUND")) throw error;
    throw new StudyCliError(
      "RUN_CORRUPT",
      `analysis ${record.analysisId} (${record.model}, ${record.promptId}) is not in the ` +
        "store at DATABASE_URL: was the database reset? Start another run with --run NAME",
      { cause: error },
    );
  });
  return measureAnalysis(
    stored.result,
    { id: prompt.id, source: sourceLabel(prompt.source) },
    record.detail,
  );
}
