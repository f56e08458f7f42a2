import type { CommunityStatistics } from "@attrib/store";

import { env } from "../env.ts";
import { dashboardStore } from "../server/dashboardStore.ts";
import { describeError, log } from "../server/logger.ts";
import { processSingleton } from "../server/processSingleton.ts";

export interface ComputedStatistics {
  statistics: CommunityStatistics;
  computedAt: Date;
}

interface StatisticsCache {
  current: ComputedStatistics | null;
  refreshing: Promise<ComputedStatistics> | null;
}

async function compute(): Promise<ComputedStatistics> {
  const statistics = await dashboardStore().readStatistics();
  return { statistics, computedAt: new Date() };
}

/**
 * The community's statistics. They aggregate every stored analysis, which
 * takes seconds once there are thousands, so they are computed at most once
 * per WEB_STATISTICS_CACHE_S and the previous numbers (with the time they
 * were computed) are served while new ones are computed: only the first
 * reader after the server starts waits. A cache time of 0 computes them for
 * every request.
 */
export function loadStatistics(): Promise<ComputedStatistics> {
  const { statisticsCacheMs } = env();
  if (statisticsCacheMs === 0) return compute();
  const cache = processSingleton<StatisticsCache>("statisticsCache", () => ({
    current: null,
    refreshing: null,
  }));
  const { current } = cache;
  if (current && Date.now() - current.computedAt.getTime() < statisticsCacheMs) {
    return Promise.resolve(current);
  }

  cache.refreshing ??= compute()
    .then((computed) => (cache.current = computed))
    .finally(() => (cache.refreshing = null));
  if (!current) return cache.refreshing;
  cache.refreshing.catch((error: unknown) =>
    log("warn", "statistics.refresh_failed", { error: describeError(error) }),
  );
  return Promise.resolve(current);
}

/**
 * Drops the cached statistics, so the next reader computes them afresh:
 * called when an operator hides or deletes an analysis in this process.
 * Other processes drop theirs within WEB_STATISTICS_CACHE_S.
 */
export function forgetStatistics(): void {
  const cache = processSingleton<StatisticsCache>("statisticsCache", () => ({
    current: null,
    refreshing: null,
  }));
  cache.current = null;
}
