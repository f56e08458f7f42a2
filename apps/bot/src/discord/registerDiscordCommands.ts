import { type REST, Routes } from "discord.js";

import { BotError } from "../errors/BotError.ts";
import { attribSlashCommand } from "./attribSlashCommand.ts";

/**
 * Registers `/attrib` as a global command of the application, replacing
 * whatever commands it had (PUT is Discord's bulk overwrite).
 *
 * @returns the commands as Discord stored them
 * @throws {@link BotError} PLATFORM_API_FAILED when Discord refuses
 */
export async function registerDiscordCommands(
  rest: REST,
  applicationId: string,
): Promise<unknown> {
  try {
    return await rest.put(Routes.applicationCommands(applicationId), {
      body: [attribSlashCommand().toJSON()],
    });
  } catch (cause) {
    throw new BotError(
      "PLATFORM_API_FAILED",
      `Discord refused to register /attrib for application ${applicationId}: ` +
        `${cause instanceof Error ? cause.message : String(cause)}. ` +
        "Check DISCORD_APPLICATION_ID and DISCORD_BOT_TOKEN.",
      { cause },
    );
  }
}
