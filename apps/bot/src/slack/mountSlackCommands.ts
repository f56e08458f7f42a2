import { App, ExpressReceiver } from "@slack/bolt";
import type { Express } from "express";

import type { CommandHandler } from "../command/createCommandHandler.ts";
import type { SlackConfig } from "../env.ts";
import { describeError, type Logger } from "../logging/Logger.ts";
import { parseSlackCommandText } from "./parseSlackCommandText.ts";
import { slackLogger } from "./slackLogger.ts";
import { slashCommandContext } from "./slashCommandContext.ts";

/** Where Slack posts `/attrib`; the slash command's Request URL. */
export const SLACK_COMMANDS_PATH = "/slack/commands";

export interface SlackCommandOptions {
  config: SlackConfig;
  handle: CommandHandler;
  log: Logger;
}

/**
 * Adds the Slack slash command endpoint to an Express app. Bolt's receiver
 * checks the signing secret (v0 HMAC-SHA256, five-minute window) and the
 * command is acknowledged within Slack's 3 seconds.
 *
 * @returns the Bolt app, whose client speaks to the configured API base
 */
export function mountSlackCommands(app: Express, options: SlackCommandOptions): App {
  const logger = slackLogger(options.log);
  const receiver = new ExpressReceiver({
    signingSecret: options.config.signingSecret,
    endpoints: SLACK_COMMANDS_PATH,
    app,
    logger,
  });
  // A fixed token needs no per-request auth.test, so an unreachable Slack
  // API cannot delay the acknowledgement.
  const bolt = new App({
    receiver,
    logger,
    authorize: () => Promise.resolve({ botToken: options.config.botToken }),
    clientOptions: { slackApiUrl: options.config.apiUrl },
  });

  bolt.command("/attrib", async ({ command, ack }) => {
    let text = "Something went wrong on our side; please try again.";
    try {
      const outcome = await options.handle(
        parseSlackCommandText(command.text),
        slashCommandContext(command),
      );
      text = outcome.message;
    } catch (error) {
      options.log("error", "slack.command_failed", { error: describeError(error) });
    }
    await ack({ response_type: "ephemeral", text });
  });
  bolt.error((error) => {
    options.log("error", "slack.request_failed", { error: describeError(error) });
    return Promise.resolve();
  });
  return bolt;
}
