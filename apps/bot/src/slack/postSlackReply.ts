import type { ReplyJob } from "@attrib/jobs";
import { type WebClient, WebAPIPlatformError } from "@slack/web-api";

import { BotError } from "../errors/BotError.ts";
import {
  CHART_FILENAME,
  chartAttachment,
  chartDescription,
} from "../replies/chartAttachment.ts";
import { formatReplyText } from "../replies/formatReplyText.ts";

type SlackReply = Extract<ReplyJob["reply"], { platform: "slack" }>;

/** Errors that mean the bot may not post in the channel, though the user could ask there. */
const NOT_A_MEMBER = new Set(["not_in_channel", "channel_not_found"]);

async function postToChannel(client: WebClient, target: SlackReply, job: ReplyJob) {
  const text = formatReplyText(job, "slack");
  const chart = chartAttachment(job);
  const thread = target.threadTs === null ? {} : { thread_ts: target.threadTs };
  if (chart === null) {
    await client.chat.postMessage({ channel: target.channelId, text, ...thread });
    return;
  }
  await client.files.uploadV2({
    channel_id: target.channelId,
    file: chart,
    filename: CHART_FILENAME,
    title: chartDescription(job),
    alt_text: chartDescription(job),
    initial_comment: text,
    ...thread,
  });
}

/** The slash command's response URL works where the bot is not a member. */
async function postToResponseUrl(responseUrl: string, job: ReplyJob): Promise<void> {
  const response = await fetch(responseUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      response_type: "in_channel",
      text: formatReplyText(job, "slack"),
    }),
  });
  if (!response.ok) throw new Error(`the response URL answered ${response.status}`);
}

function isNotAMember(error: unknown): boolean {
  return error instanceof WebAPIPlatformError && NOT_A_MEMBER.has(error.data.error);
}

/**
 * Posts the chart with the summary as its comment in the channel the
 * command came from. Where the bot is not in that channel, the text alone
 * goes through the command's response URL.
 *
 * @throws {@link BotError} PLATFORM_API_FAILED when Slack refuses
 */
export async function postSlackReply(
  client: WebClient,
  target: SlackReply,
  job: ReplyJob,
): Promise<void> {
  try {
    await postToChannel(client, target, job);
  } catch (error) {
    if (isNotAMember(error) && target.responseUrl !== null) {
      await postToResponseUrl(target.responseUrl, job).catch((cause: unknown) => {
        throw new BotError("PLATFORM_API_FAILED", "Slack refused the reply", { cause });
      });
      return;
    }
    throw new BotError(
      "PLATFORM_API_FAILED",
      `Slack refused the reply: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
