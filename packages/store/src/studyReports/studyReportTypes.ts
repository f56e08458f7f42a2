/** A study report as `npm run study -- report` publishes it. */
export interface StudyReportInput {
  /** The run's name, e.g. `seed-1`. */
  run: string;
  /** Analyses the statistics rest on. */
  analyses: number;
  /** The study's statistics, as JSON; its shape is versioned by `format`. */
  statistics: unknown;
  /** Version of the statistics' shape (see @attrib/study STUDY_STATISTICS_FORMAT). */
  format: number;
  /** The report's text. */
  markdown: string;
}

export interface StoredStudyReport extends StudyReportInput {
  id: string;
  generatedAt: Date;
}
