import { performance } from "node:perf_hooks";

import type { Store, StoreError } from "@attrib/store";
import { analysisDetail } from "@attrib/study";

import { retryStore } from "./retryStore.ts";
import type { RunRecord } from "./runRecord.ts";
import type { RunSettings } from "./runSettings.ts";
import type { StudiedPrompt } from "./studyPrompt.ts";
import { studyRequestId } from "./studyRequestId.ts";

/** Who the study's analyses are stored as having been asked by. */
export const STUDY_REQUESTER = { platform: "cli", displayName: "study" } as const;

/**
 * Stores an analysed prompt like any other analysis, under a request id
 * made of model, prompt and seed, so that storing it again after an
 * interruption returns the analysis stored first.
 *
 * @returns the line to record in the run's state
 * @param onRetry - told when a store failure is retried
 * @throws {@link StoreError} when the store still fails after retries
 */
export async function storeStudiedPrompt(
  studied: StudiedPrompt,
  store: Store,
  settings: RunSettings,
  onRetry: (error: StoreError, attempt: number) => void,
): Promise<RunRecord> {
  if (studied.kind === "skipped") return studied.record;

  const { analyzed, prompt, model } = studied;
  const started = performance.now();
  const requestId = studyRequestId(model, prompt.id, settings.seed);
  const asked = {
    k: settings.k,
    targets: analyzed.currentToken ? [analyzed.currentToken] : [],
    requestId,
  };
  const saved = await retryStore(
    () => store.saveAnalysis(analyzed.result, STUDY_REQUESTER, asked),
    onRetry,
  );
  return {
    kind: "analysed",
    model,
    promptId: prompt.id,
    requestId,
    analysisId: saved.id,
    detail: analysisDetail(analyzed.result),
    analyzeMs: studied.analyzeMs,
    storeMs: performance.now() - started,
    at: new Date().toISOString(),
  };
}
