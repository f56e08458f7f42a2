import type { StoredModel } from "@attrib/store";
import type { BootstrapOptions, StudyStatistics } from "@attrib/study";

import type { StoredStudy } from "../measures/loadStudyMeasures.ts";

/** Figures written beside the report, as paths relative to it. */
export interface ReportFigures {
  headline: string;
  perModel: Map<string, { signed: string; absolute: string }>;
}

/** Everything the report's text is made from. */
export interface ReportInput {
  run: string;
  study: StoredStudy;
  statistics: StudyStatistics;
  /** The study's models as the store knows them. */
  models: StoredModel[];
  figures: ReportFigures;
  bootstrap: Required<BootstrapOptions>;
  fortunesDir: string;
  generatedAt: Date;
}
