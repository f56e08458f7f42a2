import { isStoreError, type StoreError } from "@attrib/store";

/** Waits before each retry of a failed store call, in milliseconds. */
export const STORE_RETRY_DELAYS_MS = [2_000, 5_000, 15_000];

/**
 * Calls the store, trying again after a pause when it is unavailable or
 * refuses the query (a busy shared database can time out a transaction).
 * Safe for the study's saves: each is made idempotent by its request id.
 *
 * @param onRetry - told of each failure that will be retried
 * @throws the last failure, or at once a failure that is not the store's
 *   or is about the input
 */
export async function retryStore<Value>(
  call: () => Promise<Value>,
  onRetry: (error: StoreError, attempt: number) => void,
  delaysMs: readonly number[] = STORE_RETRY_DELAYS_MS,
): Promise<Value> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const transient =
        isStoreError(error, "UNAVAILABLE") || isStoreError(error, "QUERY_FAILED");
      const delay = delaysMs[attempt];
      if (!transient || delay === undefined) throw error;
      onRetry(error, attempt + 1);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
