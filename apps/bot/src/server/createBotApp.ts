import express, { type Express } from "express";

import type { CommandHandler } from "../command/createCommandHandler.ts";
import { discordInteractionsRoute } from "../discord/discordInteractionsRoute.ts";
import { discordPublicKey } from "../discord/verifyDiscordSignature.ts";
import type { BotEnv } from "../env.ts";
import type { Logger } from "../logging/Logger.ts";
import { mountSlackCommands } from "../slack/mountSlackCommands.ts";

/** Discord's Interactions Endpoint URL points here. */
export const DISCORD_INTERACTIONS_PATH = "/discord/interactions";

export interface BotAppOptions {
  env: Pick<BotEnv, "discord" | "slack">;
  handle: CommandHandler;
  log: Logger;
}

/**
 * One HTTP app for both platforms: Discord's interactions endpoint and
 * Slack's slash command endpoint side by side, plus a health check. A
 * platform left unconfigured has no route, so its path answers 404.
 */
export function createBotApp(options: BotAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_request, response) => {
    response.json({
      ok: true,
      discord: options.env.discord !== null,
      slack: options.env.slack !== null,
    });
  });

  const { discord, slack } = options.env;
  if (discord) {
    app.post(
      DISCORD_INTERACTIONS_PATH,
      ...discordInteractionsRoute({
        publicKey: discordPublicKey(discord.publicKey),
        handle: options.handle,
        log: options.log,
      }),
    );
  }
  if (slack)
    mountSlackCommands(app, { config: slack, handle: options.handle, log: options.log });
  app.use((_request, response) => {
    response.status(404).json({ error: "not found" });
  });
  return app;
}
