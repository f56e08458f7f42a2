/**
 * The closed set of failure kinds of the study's statistics. Each names what
 * was wrong; the message says what is accepted instead.
 */
export const studyErrorCodes = [
  /** An argument outside what the statistic accepts (a level of 1.2, no bins). */
  "INVALID_ARGUMENT",
  /** An analysis lacks what a measure needs (no rank-1 target, no components). */
  "INCOMPLETE_ANALYSIS",
] as const;

export type StudyErrorCode = (typeof studyErrorCodes)[number];

/** An error from the study's statistics or measures, fit to show as it is. */
export class StudyError extends Error {
  override readonly name = "StudyError";

  /**
   * @param code - the failure kind
   * @param message - what was wrong and what is accepted
   * @param options - `cause` keeps the underlying error
   */
  constructor(
    readonly code: StudyErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** @returns whether `error` is a {@link StudyError}, optionally of one code. */
export function isStudyError(error: unknown, code?: StudyErrorCode): error is StudyError {
  return error instanceof StudyError && (code === undefined || error.code === code);
}
