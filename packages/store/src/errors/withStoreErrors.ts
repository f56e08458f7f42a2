import type { StoreContext } from "../database/StoreContext.ts";
import { toStoreError } from "./toStoreError.ts";

/**
 * Runs a database operation, turning whatever it throws into a
 * {@link StoreError} that says which action failed.
 *
 * @param action - what is being done, e.g. "store the analysis"
 */
export async function withStoreErrors<T>(
  context: StoreContext,
  action: string,
  operation: () => Promise<T>,
): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toStoreError(error, action, context.location);
  }
}
