import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  startDiscordApiStandin,
  type DiscordApiStandin,
} from "./standins/startDiscordApiStandin.ts";
import {
  startSlackApiStandin,
  type SlackApiStandin,
} from "./standins/startSlackApiStandin.ts";
import { postSlack } from "./support/postSigned.ts";
import { openQueueInspector, type QueueInspector } from "./support/queueInspector.ts";
import { slashCommandForm } from "./support/slackCommands.ts";
import {
  startTestBot,
  TEST_SLACK_BOT_TOKEN,
  TEST_SLACK_SIGNING_SECRET,
  type TestBot,
} from "./support/startTestBot.ts";
import { deleteKeys, TEST_MODEL } from "./support/testServices.ts";

let discordApi: DiscordApiStandin;
let slackApi: SlackApiStandin;
let bot: TestBot;
let queues: QueueInspector;

beforeAll(async () => {
  discordApi = await startDiscordApiStandin();
  slackApi = await startSlackApiStandin(TEST_SLACK_BOT_TOKEN);
  bot = await startTestBot({
    discordApiUrl: discordApi.apiUrl,
    slackApiUrl: slackApi.apiUrl,
  });
  queues = openQueueInspector();
});

afterAll(async () => {
  await queues?.removeJobs();
  await queues?.close();
  await bot?.close();
  if (bot) await deleteKeys(bot.env.redisPrefix);
  await Promise.all([discordApi?.close(), slackApi?.close()]);
});

const jobIdOf = (form: Record<string, string>) => `slack-${form.trigger_id ?? ""}`;

describe("Slack slash command endpoint", () => {
  it("acknowledges a signed /attrib and queues the analysis", async () => {
    const form = slashCommandForm('Steve target:" Jobs" k:3', {
      responseUrl: slackApi.responseUrl("r1"),
    });
    queues.track("analyses", jobIdOf(form));

    const started = Date.now();
    const answer = await postSlack(bot.url, form, TEST_SLACK_SIGNING_SECRET);

    expect(Date.now() - started).toBeLessThan(3_000);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ response_type: "ephemeral" });
    expect(String(answer.body?.text)).toContain('Analysing "Steve" with test-model');
    const job = await queues.analysisJob(jobIdOf(form));
    expect(job?.data).toEqual({
      request: { text: "Steve", model: TEST_MODEL, targets: [" Jobs"], k: 3 },
      requester: {
        platform: "slack",
        serverId: "T0TEST",
        channelId: "C0CHANNEL",
        userId: form.user_id,
        displayName: "grace",
      },
      reply: {
        platform: "slack",
        channelId: "C0CHANNEL",
        responseUrl: slackApi.responseUrl("r1"),
        threadTs: null,
      },
    });
  });

  it("answers help without queueing", async () => {
    const form = slashCommandForm("");

    const answer = await postSlack(bot.url, form, TEST_SLACK_SIGNING_SECRET);

    expect(answer.body).toMatchObject({ response_type: "ephemeral" });
    expect(String(answer.body?.text)).toContain(
      'Example: `/attrib Steve target:" Jobs" k:3`',
    );
    expect(await queues.analysisJob(jobIdOf(form))).toBeUndefined();
  });

  it("says the range when k is not a number from 1 to 20", async () => {
    const answer = await postSlack(
      bot.url,
      slashCommandForm("Steve k:0"),
      TEST_SLACK_SIGNING_SECRET,
    );

    expect(String(answer.body?.text)).toContain("k must be a whole number from 1 to 20");
  });

  it("rejects a request signed with another secret, queueing nothing", async () => {
    const form = slashCommandForm("Steve");

    const answer = await postSlack(bot.url, form, "not-the-signing-secret");

    expect(answer.status).toBe(401);
    expect(await queues.analysisJob(jobIdOf(form))).toBeUndefined();
  });

  it("rejects a correctly signed request older than five minutes", async () => {
    const form = slashCommandForm("Steve");
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;

    const answer = await postSlack(
      bot.url,
      form,
      TEST_SLACK_SIGNING_SECRET,
      sixMinutesAgo,
    );

    expect(answer.status).toBe(401);
    expect(await queues.analysisJob(jobIdOf(form))).toBeUndefined();
  });

  it("rejects a request without signature headers", async () => {
    const form = slashCommandForm("Steve");

    const response = await fetch(`${bot.url}/slack/commands`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });

    expect(response.status).toBe(401);
    expect(await queues.analysisJob(jobIdOf(form))).toBeUndefined();
  });

  it("checks the bot token with auth.test at start-up", () => {
    expect(slackApi.calls).toContain("auth.test");
    expect(bot.logs.find((line) => line.event === "slack.authenticated")).toMatchObject({
      team: "Attrib Test",
    });
  });
});
