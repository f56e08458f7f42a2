import { performance } from "node:perf_hooks";

import { isAttribError, renderLayerChartPng } from "@attrib/core";
import {
  type AnalysisJob,
  focusTarget,
  type JobQueues,
  permalink,
  replySummary,
} from "@attrib/jobs";
import type { Store } from "@attrib/store";
import { UnrecoverableError } from "bullmq";

import type { Logger } from "./logger.ts";
import type { ModelCache } from "./ModelCache.ts";

export interface WorkerDependencies {
  models: ModelCache;
  store: Store;
  queues: JobQueues;
  dashboardUrl: string;
  log: Logger;
  /** Heads, neurons and lens for the detail targets, as WORKER_DETAIL says. */
  detail?: { heads: boolean; neurons: boolean; lens: boolean };
}

export interface ProcessedAnalysis {
  analysisId: string | null;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** The id of the one reply an analysis job may cause, whatever its retries. */
export const replyJobId = (analysisJobId: string) => `reply-${analysisJobId}`;

/**
 * Runs one analysis job: attribute with core, store the result, render the
 * chart and queue the chat reply. Bad input the bot could not catch (a
 * target of several tokens, a text over the context) is answered in chat and
 * not retried; a database or queue outage throws, so BullMQ retries the job.
 */
export async function processAnalysis(
  jobId: string,
  job: AnalysisJob,
  deps: WorkerDependencies,
): Promise<ProcessedAnalysis> {
  const { request } = job;
  let result;
  try {
    const model = await deps.models.get(request.model);
    result = await model.analyze(request.text, {
      k: request.k,
      targets: request.targets,
      ...deps.detail,
    });
  } catch (error) {
    if (!isAttribError(error)) throw error;
    await deps.queues.enqueueReply(
      {
        analysisId: null,
        permalink: null,
        reply: job.reply,
        summary: null,
        chartPngBase64: null,
        failure: error.message,
      },
      replyJobId(jobId),
    );
    throw new UnrecoverableError(error.message);
  }

  const analyzed = performance.now();
  const stored = await deps.store.saveAnalysis(result, job.requester, {
    k: request.k,
    targets: request.targets,
    requestId: jobId,
  });
  const published = await deps.store.isServerPublished(job.requester);
  const saved = performance.now();
  const chart = await renderLayerChartPng(result, focusTarget(result));
  const rendered = performance.now();
  await deps.queues.enqueueReply(
    {
      analysisId: stored.id,
      // A server that keeps its analyses off the dashboard gets no link.
      permalink: published ? permalink(deps.dashboardUrl, stored.id) : null,
      reply: job.reply,
      summary: replySummary(result),
      chartPngBase64: chart.toString("base64"),
      failure: null,
    },
    replyJobId(jobId),
  );
  deps.log("info", "analysis.stored", {
    jobId,
    analysisId: stored.id,
    model: request.model,
    analyzeMs: round(result.timings.totalMs),
    inferenceMs: round(result.timings.inferenceMs),
    storeMs: round(saved - analyzed),
    renderMs: round(rendered - saved),
    replyQueueMs: round(performance.now() - rendered),
  });
  return { analysisId: stored.id };
}
