/**
 * The closed set of failure kinds. Each names what was wrong; the message
 * says what is accepted instead.
 */
export const attribErrorCodes = [
  "EMPTY_TEXT",
  "TEXT_TOO_LONG",
  "UNKNOWN_MODEL",
  "BUNDLE_MISSING_FILE",
  "BUNDLE_TRUNCATED",
  "BUNDLE_INVALID_MANIFEST",
  "BUNDLE_MISMATCH",
  "TARGET_NOT_ONE_TOKEN",
  "INVALID_OPTION",
  "INFERENCE_FAILED",
  "CHART_FAILED",
] as const;

export type AttribErrorCode = (typeof attribErrorCodes)[number];

/**
 * An error whose message is fit to show a user as it is.
 */
export class AttribError extends Error {
  override readonly name = "AttribError";

  /**
   * @param code - the failure kind
   * @param message - what was wrong and what is accepted
   * @param options - `cause` keeps the underlying error
   */
  constructor(
    readonly code: AttribErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** @returns whether `error` is an {@link AttribError}, optionally of one code. */
export function isAttribError(
  error: unknown,
  code?: AttribErrorCode,
): error is AttribError {
  return error instanceof AttribError && (code === undefined || error.code === code);
}
