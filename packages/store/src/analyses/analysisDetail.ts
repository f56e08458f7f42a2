import type { AttributionResult } from "@attrib/core";

import { Prisma } from "../generated/prisma/client.ts";

/**
 * The parts of an analysis that only some requests ask for: per-head and
 * per-neuron splits, the logit lens, ablations and a named logit
 * difference. They are read whole, never queried, so they are kept as one
 * JSON document beside the analysis's rows.
 */
export type AnalysisDetail = Pick<
  AttributionResult,
  "heads" | "neurons" | "lens" | "ablations" | "logitDifference"
>;

/** Version of the document's shape; a document of another version is not read. */
const DETAIL_VERSION = 1;

const DETAIL_KEYS = ["heads", "neurons", "lens", "ablations", "logitDifference"] as const;

/** The detail column of a result: its optional parts, or SQL NULL when it has none. */
export function detailColumn(
  result: AttributionResult,
): Prisma.InputJsonObject | typeof Prisma.DbNull {
  const parts = Object.fromEntries(
    DETAIL_KEYS.filter((key) => result[key] !== undefined).map((key) => [
      key,
      result[key],
    ]),
  );
  if (Object.keys(parts).length === 0) return Prisma.DbNull;
  // A JSON round trip drops undefined members, as PostgreSQL would.
  return JSON.parse(
    JSON.stringify({ version: DETAIL_VERSION, ...parts }),
  ) as Prisma.InputJsonObject;
}

/**
 * The optional parts back from the column; none for NULL or another
 * version. The document is what {@link detailColumn} wrote from a result
 * that saveAnalysis had checked, so its parts are taken as they are.
 */
export function detailFromColumn(value: Prisma.JsonValue | null): AnalysisDetail {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
  if (value.version !== DETAIL_VERSION) return {};
  const detail: Record<string, unknown> = {};
  for (const key of DETAIL_KEYS) {
    if (value[key] !== undefined && value[key] !== null) detail[key] = value[key];
  }
  return detail;
}
