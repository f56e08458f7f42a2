import { BotError } from "../errors/BotError.ts";

/**
 * Waits for `work` at most `ms`. The work itself goes on; only the wait
 * ends, so that a chat platform's answer deadline is kept.
 *
 * @throws {@link BotError} SERVICE_UNAVAILABLE when the time is up
 */
export async function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  what: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new BotError("SERVICE_UNAVAILABLE", `${what} took longer than ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
