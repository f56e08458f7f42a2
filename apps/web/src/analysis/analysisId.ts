const ANALYSIS_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a permalink's id has the form of an analysis id (a UUID). */
export function isAnalysisId(id: string): boolean {
  return ANALYSIS_ID.test(id);
}
