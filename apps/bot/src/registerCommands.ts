import { createDiscordRest } from "./discord/createDiscordRest.ts";
import { registerDiscordCommands } from "./discord/registerDiscordCommands.ts";
import { loadEnv } from "./env.ts";
import { createLogger, describeError } from "./logging/Logger.ts";

/**
 * Registers `/attrib` with Discord for the configured application. Run once
 * after creating the application and again whenever the command changes.
 * Slack's command is created in its app settings instead.
 */
async function registerCommands(): Promise<number> {
  let log = createLogger({ service: "bot" });
  try {
    const env = loadEnv();
    if (env.discord === null) {
      log("error", "commands.not_registered", {
        detail: "set DISCORD_APPLICATION_ID, DISCORD_PUBLIC_KEY and DISCORD_BOT_TOKEN",
      });
      return 2;
    }
    log = createLogger({ service: "bot", secrets: [env.discord.botToken] });
    const rest = createDiscordRest(env.discord, log);
    const registered = await registerDiscordCommands(rest, env.discord.applicationId);
    log("info", "commands.registered", {
      applicationId: env.discord.applicationId,
      commands: Array.isArray(registered) ? registered.length : null,
    });
    return 0;
  } catch (error) {
    log("error", "commands.not_registered", { error: describeError(error) });
    return 1;
  }
}

process.exitCode = await registerCommands();
