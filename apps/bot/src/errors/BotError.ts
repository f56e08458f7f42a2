/**
 * The closed set of failure kinds of the bot's own code. Each message says
 * what was wrong and what to do instead.
 */
export const botErrorCodes = [
  /** Redis or PostgreSQL could not be reached in time; trying later may work. */
  "SERVICE_UNAVAILABLE",
  /** A request from a platform was malformed or not signed by it. */
  "BAD_REQUEST",
  /** A platform API refused a call (posting a reply, registering commands). */
  "PLATFORM_API_FAILED",
] as const;

export type BotErrorCode = (typeof botErrorCodes)[number];

/** A failure in the bot whose message is fit for a log line and an operator. */
export class BotError extends Error {
  override readonly name = "BotError";

  /**
   * @param code - the failure kind
   * @param message - what was wrong and what to do instead
   * @param options - `cause` keeps the underlying error
   */
  constructor(
    readonly code: BotErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** @returns whether `error` is a {@link BotError}, optionally of one code. */
export function isBotError(error: unknown, code?: BotErrorCode): error is BotError {
  return error instanceof BotError && (code === undefined || error.code === code);
}
