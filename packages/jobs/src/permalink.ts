/**
 * The dashboard page of an analysis, the link every reply carries.
 *
 * @param dashboardUrl - the dashboard's base URL, without a trailing slash
 */
export function permalink(dashboardUrl: string, analysisId: string): string {
  return `${dashboardUrl.replace(/\/+$/, "")}/analyses/${encodeURIComponent(analysisId)}`;
}
