import { renderLayerChartPng } from "@attrib/core";
import type { ReplyJob, ReplyTarget } from "@attrib/jobs";
import type { StoredAnalysis } from "@attrib/store";

import { permalink } from "@attrib/jobs";
import { focusTarget, replySummary } from "@attrib/jobs";

/**
 * The reply a finished analysis gets, built from its stored copy so that a
 * repeated question is answered without running the model again.
 *
 * @param stored - the earlier answer to the same question
 * @param reply - where the new request wants its answer
 * @param dashboardUrl - base of the permalink; null where the server keeps
 * its analyses off the dashboard, so the reply carries no link
 */
export async function replyForStoredAnalysis(
  stored: StoredAnalysis,
  reply: ReplyTarget,
  dashboardUrl: string | null,
): Promise<ReplyJob> {
  const chart = await renderLayerChartPng(stored.result, focusTarget(stored.result));
  return {
    analysisId: stored.id,
    permalink: dashboardUrl === null ? null : permalink(dashboardUrl, stored.id),
    reply,
    summary: replySummary(stored.result),
    chartPngBase64: chart.toString("base64"),
    failure: null,
  };
}
