import { type Logger as SlackLogger, LogLevel } from "@slack/web-api";

import type { Logger } from "../logging/Logger.ts";

function text(parts: unknown[]): string {
  return parts.map((part) => (typeof part === "string" ? part : String(part))).join(" ");
}

/**
 * Bolt's and the Web API client's logger interface, writing into the bot's
 * JSON lines. Their debug output (request bodies included) is dropped.
 */
export function slackLogger(log: Logger): SlackLogger {
  let name = "slack";
  return {
    debug: () => {},
    info: (...parts) =>
      log("info", "slack.library", { source: name, message: text(parts) }),
    warn: (...parts) =>
      log("warn", "slack.library", { source: name, message: text(parts) }),
    error: (...parts) =>
      log("error", "slack.library", { source: name, message: text(parts) }),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: (newName) => {
      name = newName;
    },
  };
}
