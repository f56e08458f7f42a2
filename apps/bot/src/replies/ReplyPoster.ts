import type { ReplyJob } from "@attrib/jobs";
import type { WebClient } from "@slack/web-api";
import type { REST } from "discord.js";

import { postDiscordReply } from "../discord/postDiscordReply.ts";
import { BotError } from "../errors/BotError.ts";
import { postSlackReply } from "../slack/postSlackReply.ts";

/** Posts a reply to the platform its target names. */
export type ReplyPoster = (job: ReplyJob) => Promise<void>;

export interface PlatformClients {
  /** Null when Discord is not configured. */
  discord: REST | null;
  /** Null when Slack is not configured. */
  slack: WebClient | null;
}

/**
 * @throws {@link BotError} PLATFORM_API_FAILED when the platform refuses or
 * is not configured in this process
 */
export function createReplyPoster(clients: PlatformClients): ReplyPoster {
  return async (job) => {
    const target = job.reply;
    if (target.platform === "none") return;
    if (target.platform === "discord" && clients.discord) {
      return postDiscordReply(clients.discord, target, job);
    }
    if (target.platform === "slack" && clients.slack) {
      return postSlackReply(clients.slack, target, job);
    }
    throw new BotError(
      "PLATFORM_API_FAILED",
      `a reply for ${target.platform} arrived but ${target.platform} is not configured ` +
        "in this bot; set its variables",
    );
  };
}
