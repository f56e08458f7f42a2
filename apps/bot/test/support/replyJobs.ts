import { renderLayerChartPng } from "@attrib/core";
import type { ReplyJob, ReplyTarget } from "@attrib/jobs";

import { replySummary } from "@attrib/jobs";
import { attributionResult } from "../fixtures/attributionResult.ts";
import { TEST_MODEL } from "./testServices.ts";

/** A finished analysis's reply with a chart rendered by core from the fixture. */
export async function chartReply(reply: ReplyTarget): Promise<ReplyJob> {
  const result = attributionResult(TEST_MODEL);
  const png = await renderLayerChartPng(result);
  return {
    analysisId: "0b6f7c1e-3f9a-4d0c-9c84-1f2e3d4c5b6a",
    permalink: "http://127.0.0.1:3000/analyses/0b6f7c1e-3f9a-4d0c-9c84-1f2e3d4c5b6a",
    reply,
    summary: replySummary(result),
    chartPngBase64: png.toString("base64"),
    failure: null,
  };
}

/** The reply of an analysis that could not be made. */
export function failureReply(reply: ReplyTarget, failure: string): ReplyJob {
  return {
    analysisId: null,
    permalink: null,
    reply,
    summary: null,
    chartPngBase64: null,
    failure,
  };
}
