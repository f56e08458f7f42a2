import type { KeyObject } from "node:crypto";

import { discordSignatureHeaders, slackSignatureHeaders } from "./signRequests.ts";

export interface JsonAnswer {
  status: number;
  body: Record<string, unknown> | null;
}

async function answerOf(response: Response): Promise<JsonAnswer> {
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
  } catch {
    return { status: response.status, body: null };
  }
}

/** POSTs an interaction to the bot signed with `privateKey`, as Discord does. */
export async function postDiscord(
  botUrl: string,
  interaction: unknown,
  privateKey: KeyObject,
  timestamp?: number,
): Promise<JsonAnswer> {
  const body = JSON.stringify(interaction);
  const response = await fetch(`${botUrl}/discord/interactions`, {
    method: "POST",
    headers: discordSignatureHeaders(body, privateKey, timestamp),
    body,
  });
  return answerOf(response);
}

/** POSTs a body to the Discord route with the given headers, signed or not. */
export async function postDiscordRaw(
  botUrl: string,
  body: string,
  headers: Record<string, string>,
): Promise<JsonAnswer> {
  const response = await fetch(`${botUrl}/discord/interactions`, {
    method: "POST",
    headers,
    body,
  });
  return answerOf(response);
}

/** POSTs a slash command form to the bot signed with `signingSecret`, as Slack does. */
export async function postSlack(
  botUrl: string,
  form: Record<string, string>,
  signingSecret: string,
  timestamp?: number,
): Promise<JsonAnswer> {
  const body = new URLSearchParams(form).toString();
  const response = await fetch(`${botUrl}/slack/commands`, {
    method: "POST",
    headers: slackSignatureHeaders(body, signingSecret, timestamp),
    body,
  });
  return answerOf(response);
}
