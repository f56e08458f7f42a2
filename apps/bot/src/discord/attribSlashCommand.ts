import { SlashCommandBuilder } from "discord.js";

import { MAX_K } from "../command/checkCommand.ts";

/**
 * The `/attrib` command as Discord registers it. Limits are checked again
 * by the handler, since Discord clients may not enforce them.
 */
export function attribSlashCommand() {
  return new SlashCommandBuilder()
    .setName("attrib")
    .setDescription("Which layers of a language model wrote its next-token prediction")
    .addStringOption((option) =>
      option
        .setName("text")
        .setDescription('The start of a sentence, e.g. "Steve" (or "help")')
        .setRequired(true),
    )
    .addStringOption((option) =>
      option
        .setName("model")
        .setDescription("An installed model; the default when left out"),
    )
    .addStringOption((option) =>
      option
        .setName("target")
        .setDescription(
          'One extra token to attribute; quote it to keep a space: " Jobs"',
        ),
    )
    .addIntegerOption((option) =>
      option
        .setName("k")
        .setDescription(`How many top tokens to attribute (1-${MAX_K})`)
        .setMinValue(1)
        .setMaxValue(MAX_K),
    );
}
