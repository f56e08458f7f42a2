import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

import type { Store } from "@attrib/store";
import {
  type BootstrapOptions,
  DEFAULT_LEVEL,
  DEFAULT_RESAMPLES,
  STUDY_STATISTICS_FORMAT,
  studyStatistics,
} from "@attrib/study";

import { loadStudyMeasures } from "../measures/loadStudyMeasures.ts";
import type { RunPaths } from "../run/runPaths.ts";
import { renderFigures } from "./renderFigures.ts";
import { reportMarkdown } from "./reportMarkdown.ts";

export const REPORT_FILE = "study.md";

export interface ReportOptions {
  run: string;
  paths: RunPaths;
  /** Folder to write study.md and its figures into. */
  reportDir: string;
  fortunesDir: string;
  bootstrap?: Partial<BootstrapOptions>;
}

export interface WrittenReport {
  file: string;
  figures: string[];
  analyses: number;
  /** The id the report was published under in the store, for the dashboard's Study page. */
  publishedId: string;
}

/**
 * Regenerates the report from what is stored: the run's analyses read back
 * from the store, statistics, figures as PNG, and the Markdown text; then
 * publishes statistics and text to the store for the dashboard's Study page.
 *
 * @throws {@link StudyCliError} NOTHING_STORED, RUN_CORRUPT; {@link StoreError}
 */
export async function writeReport(
  options: ReportOptions,
  store: Store,
): Promise<WrittenReport> {
  const study = await loadStudyMeasures(options.paths, store);
  const bootstrap = {
    seed: options.bootstrap?.seed ?? study.settings.seed,
    resamples: options.bootstrap?.resamples ?? DEFAULT_RESAMPLES,
    level: options.bootstrap?.level ?? DEFAULT_LEVEL,
  };
  const statistics = studyStatistics(study.measures, bootstrap);
  const names = new Set(study.measures.map((m) => m.model));
  const models = (await store.listModels()).filter((model) => names.has(model.name));

  await mkdir(options.reportDir, { recursive: true });
  const figures = await renderFigures(statistics, options.reportDir);
  const markdown = reportMarkdown({
    run: options.run,
    study,
    statistics,
    models,
    figures,
    bootstrap,
    fortunesDir: options.fortunesDir,
    generatedAt: new Date(),
  });
  const file = join(options.reportDir, REPORT_FILE);
  await writeFile(file, markdown);
  const published = await store.saveStudyReport({
    run: options.run,
    analyses: study.measures.length,
    statistics,
    format: STUDY_STATISTICS_FORMAT,
    markdown,
  });
  const written = [
    figures.headline,
    ...[...figures.perModel.values()].flatMap((f) => [f.signed, f.absolute]),
  ];
  return {
    file,
    figures: written.map((figure) => join(options.reportDir, figure)),
    analyses: study.measures.length,
    publishedId: published.id,
  };
}
