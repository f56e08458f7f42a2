import { StoreError } from "@attrib/store";
import { describe, expect, it } from "vitest";

import { retryStore } from "../src/run/retryStore.ts";

function failingTimes(times: number, code: StoreError["code"]) {
  let calls = 0;
  const call = () => {
    calls++;
    if (calls <= times) return Promise.reject(new StoreError(code, "busy"));
    return Promise.resolve("saved");
  };
  return { call, calls: () => calls };
}

describe("retryStore", () => {
  it("tries a busy database again and returns once it answers", async () => {
    const store = failingTimes(2, "QUERY_FAILED");
    const retries: number[] = [];

    const saved = await retryStore(
      store.call,
      (_, attempt) => retries.push(attempt),
      [1, 1, 1],
    );

    expect(saved).toBe("saved");
    expect(retries).toEqual([1, 2]);
  });

  it("gives up after its last pause", async () => {
    const store = failingTimes(5, "UNAVAILABLE");
    const failure = await retryStore(store.call, () => undefined, [1, 1]).catch(
      (e: unknown) => e,
    );

    expect(failure).toBeInstanceOf(StoreError);
    expect(store.calls()).toBe(3);
  });

  it("does not retry a refusal of the input", async () => {
    const store = failingTimes(1, "INVALID_INPUT");
    const failure = await retryStore(store.call, () => undefined, [1]).catch(
      (e: unknown) => e,
    );

    expect(failure).toBeInstanceOf(StoreError);
    expect(store.calls()).toBe(1);
  });
});
