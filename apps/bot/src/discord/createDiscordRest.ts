import { REST } from "discord.js";

import type { DiscordConfig } from "../env.ts";
import type { Logger } from "../logging/Logger.ts";

/** Discord's current REST API version. */
export const DISCORD_API_VERSION = "10";

/**
 * discord.js's REST client for the configured API base. The bot token is
 * set for calls that need it; interaction webhooks are called without it.
 */
export function createDiscordRest(config: DiscordConfig, log: Logger): REST {
  const rest = new REST({ api: config.apiUrl, version: DISCORD_API_VERSION, retries: 2 });
  rest.setToken(config.botToken);
  rest.on("rateLimited", (info) => {
    log("warn", "discord.rate_limited", {
      route: info.route,
      retryAfterMs: info.retryAfter,
      global: info.global,
    });
  });
  return rest;
}
