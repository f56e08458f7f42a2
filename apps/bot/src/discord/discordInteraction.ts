import { z } from "zod";

import type { AttribCommand, CommandContext } from "../command/AttribCommand.ts";

export const PING = 1;
export const APPLICATION_COMMAND = 2;
export const MESSAGE_COMPONENT = 3;

/** Permission bits in a member's `permissions`: Administrator, Manage Server. */
const ADMINISTRATOR = 1n << 3n;
const MANAGE_GUILD = 1n << 5n;

/** The custom id of the Delete button on a reply: `attrib-delete:<analysis id>`. */
export const DELETE_BUTTON_PREFIX = "attrib-delete:";

const userSchema = z.object({
  id: z.string(),
  username: z.string().optional(),
  global_name: z.string().nullish(),
});

const optionSchema = z.object({
  name: z.string(),
  type: z.number(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
});

/** The part of an interaction the bot reads; Discord sends much more. */
export const discordInteractionSchema = z.object({
  id: z.string().min(1),
  type: z.number().int(),
  application_id: z.string().min(1),
  token: z.string().optional(),
  guild_id: z.string().optional(),
  channel_id: z.string().optional(),
  channel: z.object({ id: z.string() }).optional(),
  member: z
    .object({
      nick: z.string().nullish(),
      user: userSchema,
      /** The member's permissions in the channel, a decimal bit set. */
      permissions: z.string().regex(/^\d+$/).optional(),
    })
    .optional(),
  user: userSchema.optional(),
  data: z
    .object({
      name: z.string().optional(),
      options: z.array(optionSchema).optional(),
      /** Set on a MESSAGE_COMPONENT interaction: which button was pressed. */
      custom_id: z.string().max(100).optional(),
    })
    .optional(),
});

export type DiscordInteraction = z.infer<typeof discordInteractionSchema>;

function option(interaction: DiscordInteraction, name: string) {
  return interaction.data?.options?.find((candidate) => candidate.name === name)?.value;
}

function stringOption(interaction: DiscordInteraction, name: string): string | null {
  const value = option(interaction, name);
  return value === undefined ? null : String(value);
}

function numberOption(interaction: DiscordInteraction, name: string): number | null {
  const value = option(interaction, name);
  return value === undefined ? null : Number(value);
}

/** The `/attrib` options of a command interaction. */
export function toAttribCommand(interaction: DiscordInteraction): AttribCommand {
  return {
    text: stringOption(interaction, "text") ?? "",
    model: stringOption(interaction, "model"),
    target: stringOption(interaction, "target"),
    k: numberOption(interaction, "k"),
  };
}

/** Who asked, and the token that lets the reply edit the deferred answer. */
export function toCommandContext(
  interaction: DiscordInteraction & { token: string },
): CommandContext {
  const user = interaction.member?.user ?? interaction.user;
  const displayName =
    interaction.member?.nick ?? user?.global_name ?? user?.username ?? null;
  const permissions = BigInt(interaction.member?.permissions ?? "0");
  return {
    platform: "discord",
    requestId: interaction.id,
    canManageServer: (permissions & (ADMINISTRATOR | MANAGE_GUILD)) !== 0n,
    requester: {
      platform: "discord",
      serverId: interaction.guild_id ?? null,
      channelId: interaction.channel_id ?? interaction.channel?.id ?? null,
      userId: user?.id ?? null,
      displayName,
    },
    reply: {
      platform: "discord",
      applicationId: interaction.application_id,
      interactionToken: interaction.token,
    },
  };
}
