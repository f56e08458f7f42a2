import type { SlashCommand } from "@slack/bolt";

import type { CommandContext } from "../command/AttribCommand.ts";

/**
 * Who asked and where to answer. Slack gives each invocation a unique
 * trigger id, which names the job.
 */
export function slashCommandContext(command: SlashCommand): CommandContext {
  return {
    platform: "slack",
    requestId: command.trigger_id,
    requester: {
      platform: "slack",
      serverId: command.team_id,
      channelId: command.channel_id,
      userId: command.user_id,
      displayName: command.user_name,
    },
    reply: {
      platform: "slack",
      channelId: command.channel_id,
      responseUrl: command.response_url || null,
      threadTs: null,
    },
  };
}
