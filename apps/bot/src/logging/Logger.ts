import { maskSecrets } from "./maskSecrets.ts";

export type LogLevel = "info" | "warn" | "error";

/** One JSON object a line on stdout, the shape every Attrib app logs in. */
export type Logger = (level: LogLevel, event: string, fields?: object) => void;

/** How an error is written into a log line: message, code and cause, no stack noise. */
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

export interface LoggerOptions {
  /** The process's role, e.g. "bot". */
  service: string;
  /** Literal secret values to mask wherever they appear. */
  secrets?: readonly string[];
  /** Where lines go; stdout when left out. */
  write?: (line: string) => void;
}

/**
 * A logger writing one masked JSON object a line.
 *
 * @param options - service name, secrets to mask, sink
 */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = options.secrets ?? [];
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  return (level, event, fields = {}) => {
    const line = {
      time: new Date().toISOString(),
      level,
      service: options.service,
      event,
      ...(maskSecrets(fields, secrets) as object),
    };
    write(`${JSON.stringify(line)}\n`);
  };
}
