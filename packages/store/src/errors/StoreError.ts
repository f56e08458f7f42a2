/**
 * The closed set of failure kinds. Each names what was wrong; the message
 * says what to do instead.
 */
export const storeErrorCodes = [
  /** The database cannot be reached right now; trying later may work. */
  "UNAVAILABLE",
  /** The database or its tables are missing: migrations were not applied. */
  "NOT_MIGRATED",
  /** A migration could not be applied, or the applied ones disagree with the files. */
  "MIGRATION_FAILED",
  "NOT_FOUND",
  "INVALID_INPUT",
  /** The caller may not do this, e.g. delete an analysis someone else asked for. */
  "FORBIDDEN",
  /** It is already so: hiding a hidden analysis, blocking a blocked user. */
  "CONFLICT",
  /** The database refused a query for a reason none of the above covers. */
  "QUERY_FAILED",
] as const;

export type StoreErrorCode = (typeof storeErrorCodes)[number];

/**
 * An error from the store whose message is fit to show a user as it is.
 */
export class StoreError extends Error {
  override readonly name = "StoreError";

  /**
   * @param code - the failure kind
   * @param message - what was wrong and what to do instead
   * @param options - `cause` keeps the underlying error
   */
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** @returns whether `error` is a {@link StoreError}, optionally of one code. */
export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}
