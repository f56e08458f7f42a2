import type { Store } from "@attrib/store";

import type { Logger } from "./logger.ts";

export interface RetentionOptions {
  store: Pick<Store, "deleteExpiredAnalyses">;
  /** Analyses older than this are deleted; 0 turns retention off. */
  days: number;
  intervalMs: number;
  log: Logger;
}

/**
 * Applies the retention rule now and then every `intervalMs`, so an
 * analysis is deleted at most one interval after it expires.
 *
 * @returns stops the timer
 */
export function startRetention(options: RetentionOptions): () => void {
  if (options.days === 0) return () => undefined;
  const { log } = options;
  const apply = () =>
    options.store.deleteExpiredAnalyses(options.days).then(
      (deleted) => {
        if (deleted > 0)
          log("info", "retention.deleted", { deleted, days: options.days });
      },
      (error: unknown) =>
        log("warn", "retention.failed", {
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  void apply();
  const timer = setInterval(() => void apply(), options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
