import type { ReplyJob } from "@attrib/jobs";
import { type REST, type RawFile, Routes } from "discord.js";

import { BotError } from "../errors/BotError.ts";
import { DELETE_BUTTON_PREFIX } from "./discordInteraction.ts";
import {
  CHART_FILENAME,
  chartAttachment,
  chartDescription,
} from "../replies/chartAttachment.ts";
import { formatReplyText } from "../replies/formatReplyText.ts";

type DiscordReply = Extract<ReplyJob["reply"], { platform: "discord" }>;

/** Component types and button style, from Discord's API reference. */
const ACTION_ROW = 1;
const BUTTON = 2;
const DANGER = 4;

/** A row with one red Delete button; only the author or an operator can use it. */
function deleteButtonRow(analysisId: string) {
  return {
    type: ACTION_ROW,
    components: [
      {
        type: BUTTON,
        style: DANGER,
        label: "Delete",
        custom_id: `${DELETE_BUTTON_PREFIX}${analysisId}`,
      },
    ],
  };
}

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
    components: job.analysisId === null ? [] : [deleteButtonRow(job.analysisId)],
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
