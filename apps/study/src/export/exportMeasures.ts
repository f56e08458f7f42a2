import type { AnalysisMeasures } from "@attrib/study";

import { MEASURE_COLUMNS, measureRow } from "./measureRow.ts";
import { toCsv } from "./toCsv.ts";

export type ExportFormat = "json" | "csv";

/**
 * Every analysis's measures as JSON (the nested measures, one object per
 * analysis) or CSV (one flat row per analysis).
 */
export function exportMeasures(
  measures: readonly AnalysisMeasures[],
  format: ExportFormat,
): string {
  if (format === "csv") return toCsv(MEASURE_COLUMNS, measures.map(measureRow));
  return `${JSON.stringify(measures, null, 2)}\n`;
}
