/** One JSON object a line on stdout, the shape every app logs in. */
export type Logger = (
  level: "info" | "warn" | "error",
  event: string,
  fields?: object,
) => void;

/**
 * A logger tagged with the study's service name. The progress bar goes to
 * stderr, so stdout stays one JSON object a line.
 */
export function createLogger(write: (line: string) => void = stdoutLine): Logger {
  return (level, event, fields = {}) => {
    const line = {
      time: new Date().toISOString(),
      level,
      service: "study",
      event,
      ...fields,
    };
    write(JSON.stringify(line));
  };
}

function stdoutLine(line: string): void {
  process.stdout.write(`${line}\n`);
}
