/** One JSON object a line on stdout, the shape every app logs in. */
export type Logger = (
  level: "info" | "warn" | "error",
  event: string,
  fields?: object,
) => void;

/** A logger tagged with the process's role and name. */
export function createLogger(service: string, name: string): Logger {
  return (level, event, fields = {}) => {
    const line = {
      time: new Date().toISOString(),
      level,
      service,
      name,
      event,
      ...fields,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  };
}
