import { StoreError } from "../errors/StoreError.ts";

const ANALYSIS_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** @throws {@link StoreError} INVALID_INPUT unless `id` is an analysis id (a UUID) */
export function checkAnalysisId(id: string): void {
  if (typeof id === "string" && ANALYSIS_ID.test(id)) return;
  throw new StoreError(
    "INVALID_INPUT",
    `${JSON.stringify(String(id).slice(0, 80))} is not an analysis id; ids are ` +
      "UUIDs like 0192f3a4-5b6c-7d8e-9f01-23456789abcd",
  );
}

export function noSuchAnalysis(id: string): StoreError {
  return new StoreError(
    "NOT_FOUND",
    `there is no analysis ${id}; it may have been deleted already`,
  );
}
