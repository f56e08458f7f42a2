import { describe, expect, it, vi } from "vitest";

import { startRetention } from "../src/applyRetention.ts";

describe("the worker's retention rule", () => {
  it("deletes expired analyses at start and then every interval", async () => {
    vi.useFakeTimers();
    const deleteExpiredAnalyses = vi.fn(() => Promise.resolve(2));
    const log = vi.fn();

    const stop = startRetention({
      store: { deleteExpiredAnalyses },
      days: 30,
      intervalMs: 60_000,
      log,
    });
    await vi.advanceTimersByTimeAsync(120_000);
    stop();
    await vi.advanceTimersByTimeAsync(120_000);
    vi.useRealTimers();

    expect(deleteExpiredAnalyses.mock.calls).toEqual([[30], [30], [30]]);
    expect(log).toHaveBeenCalledWith("info", "retention.deleted", {
      deleted: 2,
      days: 30,
    });
  });

  it("keeps everything when no period is set", () => {
    const deleteExpiredAnalyses = vi.fn(() => Promise.resolve(0));

    startRetention({
      store: { deleteExpiredAnalyses },
      days: 0,
      intervalMs: 1,
      log: vi.fn(),
    });

    expect(deleteExpiredAnalyses).not.toHaveBeenCalled();
  });
});
