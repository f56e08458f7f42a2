import type { KeyObject } from "node:crypto";

import express, { type Request, type RequestHandler, type Response } from "express";

import type { CommandOutcome } from "../command/AttribCommand.ts";
import type { CommandHandler } from "../command/createCommandHandler.ts";
import { describeError, type Logger } from "../logging/Logger.ts";
import {
  APPLICATION_COMMAND,
  DELETE_BUTTON_PREFIX,
  type DiscordInteraction,
  discordInteractionSchema,
  MESSAGE_COMPONENT,
  PING,
  toAttribCommand,
  toCommandContext,
} from "./discordInteraction.ts";
import { verifyDiscordSignature } from "./verifyDiscordSignature.ts";

/** Interaction response types and message flags, from Discord's API reference. */
const PONG = 1;
const CHANNEL_MESSAGE_WITH_SOURCE = 4;
const DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE = 5;
const UPDATE_MESSAGE = 7;
const EPHEMERAL = 64;

/** Commands are small; anything larger is not from Discord. */
const BODY_LIMIT = "64kb";

export interface DiscordRouteOptions {
  publicKey: KeyObject;
  handle: CommandHandler;
  log: Logger;
}

function ephemeral(content: string) {
  return {
    type: CHANNEL_MESSAGE_WITH_SOURCE,
    data: { content, flags: EPHEMERAL, allowed_mentions: { parse: [] } },
  };
}

function toResponse(outcome: CommandOutcome) {
  return outcome.kind === "rejected" || outcome.kind === "moderated"
    ? ephemeral(outcome.message)
    : { type: DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE };
}

/**
 * The Delete button on a reply: the handler checks that the presser asked
 * for the analysis (or is an operator); when it is deleted, the reply
 * itself loses its chart, text and button.
 */
async function answerDeleteButton(
  interaction: DiscordInteraction & { token: string },
  analysisId: string,
  options: DiscordRouteOptions,
): Promise<object> {
  const outcome = await options.handle(
    { text: `delete ${analysisId}`, model: null, target: null, k: null },
    toCommandContext(interaction),
  );
  if (outcome.kind !== "moderated" || outcome.deleted === null) {
    return ephemeral(outcome.message);
  }
  return {
    type: UPDATE_MESSAGE,
    data: {
      content: "This analysis was deleted.",
      attachments: [],
      components: [],
      allowed_mentions: { parse: [] },
    },
  };
}

function parseInteraction(rawBody: Buffer): DiscordInteraction | null {
  try {
    const parsed = discordInteractionSchema.safeParse(
      JSON.parse(rawBody.toString("utf8")),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function answer(
  interaction: DiscordInteraction,
  options: DiscordRouteOptions,
): Promise<object> {
  if (interaction.type === PING) return { type: PONG };
  const { token } = interaction;
  const customId = interaction.data?.custom_id;
  if (
    interaction.type === MESSAGE_COMPONENT &&
    token !== undefined &&
    customId?.startsWith(DELETE_BUTTON_PREFIX)
  ) {
    return answerDeleteButton(
      { ...interaction, token },
      customId.slice(DELETE_BUTTON_PREFIX.length),
      options,
    );
  }
  if (
    interaction.type !== APPLICATION_COMMAND ||
    interaction.data?.name !== "attrib" ||
    token === undefined
  ) {
    return ephemeral("This bot only answers the /attrib command.");
  }
  const outcome = await options.handle(
    toAttribCommand(interaction),
    toCommandContext({ ...interaction, token }),
  );
  return toResponse(outcome);
}

function handleInteraction(options: DiscordRouteOptions) {
  return async (request: Request, response: Response) => {
    const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const signed = verifyDiscordSignature(
      {
        signature: request.get("X-Signature-Ed25519"),
        timestamp: request.get("X-Signature-Timestamp"),
        rawBody,
      },
      options.publicKey,
    );
    if (!signed) {
      options.log("warn", "discord.unsigned_request", { ip: request.ip });
      response.status(401).json({ error: "invalid request signature" });
      return;
    }
    const interaction = parseInteraction(rawBody);
    if (interaction === null) {
      response.status(400).json({ error: "not an interaction" });
      return;
    }
    try {
      response.json(await answer(interaction, options));
    } catch (error) {
      options.log("error", "discord.command_failed", { error: describeError(error) });
      response.json(ephemeral("Something went wrong on our side; please try again."));
    }
  };
}

/**
 * The Discord interactions endpoint: checks Discord's signature, answers
 * PING, and hands `/attrib` to the command handler, answering within
 * Discord's 3-second deadline.
 */
export function discordInteractionsRoute(options: DiscordRouteOptions): RequestHandler[] {
  return [
    express.raw({ type: () => true, limit: BODY_LIMIT }),
    handleInteraction(options),
  ];
}
