export const jobsErrorCodes = ["QUEUE_UNAVAILABLE", "INVALID_JOB"] as const;
export type JobsErrorCode = (typeof jobsErrorCodes)[number];

/** A queue failure whose message can be shown to the person who asked. */
export class JobsError extends Error {
  override readonly name = "JobsError";

  constructor(
    readonly code: JobsErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
