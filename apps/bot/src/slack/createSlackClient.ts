import { WebClient } from "@slack/web-api";

import type { SlackConfig } from "../env.ts";
import type { Logger } from "../logging/Logger.ts";
import { slackLogger } from "./slackLogger.ts";

/**
 * A Web API client for the configured base URL. Few retries: the reply
 * queue retries a failed job itself, with back-off.
 */
export function createSlackClient(config: SlackConfig, log: Logger): WebClient {
  return new WebClient(config.botToken, {
    slackApiUrl: config.apiUrl,
    logger: slackLogger(log),
    retryConfig: { retries: 2, factor: 2, minTimeout: 500 },
    timeout: 15_000,
  });
}
