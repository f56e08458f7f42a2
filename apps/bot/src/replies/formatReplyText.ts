import { formatProbability, formatShare, quoteToken } from "@attrib/core";
import type { ReplyJob, ReplySummary } from "@attrib/jobs";
import { escapeMarkdown } from "discord.js";

/** Discord refuses longer message content. */
const DISCORD_MAX_CONTENT = 2_000;
/** Long prompts are shortened in the reply; the dashboard has them whole. */
const MAX_PROMPT_SHOWN = 200;

export type MarkupStyle = "discord" | "slack";

interface Markup {
  escape(text: string): string;
  link(url: string): string;
}

const MARKUP: Record<MarkupStyle, Markup> = {
  discord: {
    escape: (text) => escapeMarkdown(text),
    // Angle brackets stop a second preview: the chart is already attached.
    link: (url) => `<${url}>`,
  },
  slack: {
    escape: (text) =>
      text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
    link: (url) => `<${url}|${url}>`,
  },
};

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

function summaryLines(summary: ReplySummary, markup: Markup): string[] {
  const prompt = shorten(summary.prompt, MAX_PROMPT_SHOWN);
  const tokens = summary.topTokens
    .map((t) => `${quoteToken(t.token)} ${formatProbability(t.probability)}`)
    .join(" · ");
  const mlp = summary.finalMlp;
  return [
    markup.escape(`/attrib ${quoteToken(prompt)} on ${summary.modelDisplayName}`),
    markup.escape(`Top next tokens: ${tokens}`),
    markup.escape(
      `Final MLP (${mlp.component}) share of the ${quoteToken(summary.chartToken)} ` +
        `logit: ${formatShare(mlp.signedShare, 1)} signed, ` +
        `${formatShare(mlp.absoluteShare, 1)} of all absolute contribution.`,
    ),
  ];
}

/**
 * The text of a chat reply: the prompt, the top tokens with their
 * probabilities, the final MLP's share and the dashboard link; or, for a
 * failed analysis, why it failed.
 *
 * @param style - the platform's markup
 */
export function formatReplyText(job: ReplyJob, style: MarkupStyle): string {
  const markup = MARKUP[style];
  const lines =
    job.failure !== null || job.summary === null
      ? [markup.escape(`The analysis could not be made: ${job.failure ?? "no result"}`)]
      : summaryLines(job.summary, markup);
  if (job.permalink !== null) lines.push(`Dashboard: ${markup.link(job.permalink)}`);
  return shorten(lines.join("\n"), DISCORD_MAX_CONTENT);
}
