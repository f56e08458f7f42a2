/** One JSON object a line on stdout, the shape every Attrib app logs in. */
export type LogLevel = "info" | "warn" | "error";

/** `scheme://user:password@host` keeps the user, loses the password. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:)[^@\s/]+@/gi;

function mask(value: unknown): unknown {
  if (typeof value === "string") return value.replace(URL_PASSWORD, "$1[redacted]@");
  if (Array.isArray(value)) return value.map(mask);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, mask(field)]),
  );
}

/** How an error is written into a log line: name, message, code and cause. */
export function describeError(error: unknown): object {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === "string" ? { code } : {}),
    ...(error.cause === undefined ? {} : { cause: describeError(error.cause) }),
  };
}

/**
 * Writes one log line, with passwords in URLs masked.
 *
 * @param event - what happened, e.g. `submission.queued`
 * @param fields - details; never platform ids or prompt text
 */
export function log(level: LogLevel, event: string, fields: object = {}): void {
  const line = {
    time: new Date().toISOString(),
    level,
    service: "web",
    event,
    ...(mask(fields) as object),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
