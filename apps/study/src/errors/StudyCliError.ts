/**
 * The closed set of failure kinds of the study command. Each names what was
 * wrong; the message says what to do instead.
 */
export const studyCliErrorCodes = [
  "INVALID_OPTION",
  /** No fortune files where STUDY_FORTUNES_DIR points. */
  "NO_CORPUS",
  /** No installed model, or one named that is not installed. */
  "NO_MODELS",
  /** A run folder holds another seed, settings or corpus than asked for. */
  "RUN_MISMATCH",
  /** A run folder's files cannot be read back. */
  "RUN_CORRUPT",
  /** Nothing to report or export: the run has no analyses yet. */
  "NOTHING_STORED",
] as const;

export type StudyCliErrorCode = (typeof studyCliErrorCodes)[number];

/** An error of the study command whose message is fit to show as it is. */
export class StudyCliError extends Error {
  override readonly name = "StudyCliError";

  /**
   * @param code - the failure kind
   * @param message - what was wrong and what to do instead
   * @param options - `cause` keeps the underlying error
   */
  constructor(
    readonly code: StudyCliErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** @returns whether `error` is a {@link StudyCliError}, optionally of one code. */
export function isStudyCliError(
  error: unknown,
  code?: StudyCliErrorCode,
): error is StudyCliError {
  return error instanceof StudyCliError && (code === undefined || error.code === code);
}
