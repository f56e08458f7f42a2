import type { ReplyJob } from "@attrib/jobs";
import { type REST, type RawFile, Routes } from "discord.js";

import { BotError } from "../errors/BotError.ts";
import {
  CHART_FILENAME,
  chartAttachment,
  chartDescription,
} from "../replies/chartAttachment.ts";
import { formatReplyText } from "../replies/formatReplyText.ts";

type DiscordReply = Extract<ReplyJob["reply"], { platform: "discord" }>;

/**
 * Replaces the deferred "thinking" answer of an interaction with the chart
 * and the summary. Editing `@original` is idempotent: a retry rewrites the
 * same message instead of posting a second one.
 *
 * @throws {@link BotError} PLATFORM_API_FAILED when Discord refuses the edit
 * (an interaction token lasts 15 minutes)
 */
export async function postDiscordReply(
  rest: REST,
  target: DiscordReply,
  job: ReplyJob,
): Promise<void> {
  const chart = chartAttachment(job);
  const files: RawFile[] =
    chart === null
      ? []
      : [{ name: CHART_FILENAME, data: chart, contentType: "image/png" }];
  const body = {
    content: formatReplyText(job, "discord"),
    attachments: files.map((file, id) => ({
      id,
      filename: file.name,
      description: chartDescription(job),
    })),
    allowed_mentions: { parse: [] },
  };
  try {
    await rest.patch(
      Routes.webhookMessage(target.applicationId, target.interactionToken, "@original"),
      { auth: false, body, files },
    );
  } catch (cause) {
    throw new BotError(
      "PLATFORM_API_FAILED",
      `Discord refused the reply edit: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}
