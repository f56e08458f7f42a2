import { generateKeyPairSync } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  startDiscordApiStandin,
  type DiscordApiStandin,
} from "./standins/startDiscordApiStandin.ts";
import {
  startSlackApiStandin,
  type SlackApiStandin,
} from "./standins/startSlackApiStandin.ts";
import { attribInteraction, pingInteraction } from "./support/discordInteractions.ts";
import { postDiscord, postDiscordRaw } from "./support/postSigned.ts";
import { openQueueInspector, type QueueInspector } from "./support/queueInspector.ts";
import { discordSignatureHeaders } from "./support/signRequests.ts";
import {
  startTestBot,
  TEST_APPLICATION_ID,
  TEST_SLACK_BOT_TOKEN,
  type TestBot,
} from "./support/startTestBot.ts";
import { deleteKeys, TEST_MODEL } from "./support/testServices.ts";

const DEFERRED = 5;
const EPHEMERAL_MESSAGE = { type: 4, flags: 64 };

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
    variables: { BOT_RATE_LIMIT_COUNT: "2", BOT_RATE_LIMIT_WINDOW_S: "60" },
    extraModels: ["other-model"],
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

function ephemeralText(body: Record<string, unknown> | null): string {
  expect(body).toMatchObject({
    type: EPHEMERAL_MESSAGE.type,
    data: { flags: EPHEMERAL_MESSAGE.flags },
  });
  return String((body?.data as { content?: unknown }).content);
}

describe("Discord interactions endpoint", () => {
  it("answers a signed PING with PONG", async () => {
    const answer = await postDiscord(bot.url, pingInteraction(), bot.keys.privateKey);

    expect(answer).toEqual({ status: 200, body: { type: 1 } });
  });

  it("defers a signed /attrib and queues the analysis with the interaction's data", async () => {
    const interaction = attribInteraction({ text: "Steve", target: '" Jobs"', k: 3 });
    queues.track("analyses", `discord-${interaction.id}`);

    const answer = await postDiscord(bot.url, interaction, bot.keys.privateKey);

    expect(answer).toEqual({ status: 200, body: { type: DEFERRED } });
    const job = await queues.analysisJob(`discord-${interaction.id}`);
    expect(job?.data).toEqual({
      request: { text: "Steve", model: TEST_MODEL, targets: [" Jobs"], k: 3 },
      requester: {
        platform: "discord",
        serverId: interaction.guild_id,
        channelId: interaction.channel_id,
        userId: interaction.member.user.id,
        displayName: "Ada",
      },
      reply: {
        platform: "discord",
        applicationId: TEST_APPLICATION_ID,
        interactionToken: interaction.token,
      },
    });
  });

  it("queues a redelivered interaction once", async () => {
    const interaction = attribInteraction({ text: "Redelivered", model: "other-model" });
    queues.track("analyses", `discord-${interaction.id}`);

    await postDiscord(bot.url, interaction, bot.keys.privateKey);
    const first = await queues.analysisJob(`discord-${interaction.id}`);
    await postDiscord(bot.url, interaction, bot.keys.privateKey);
    const second = await queues.analysisJob(`discord-${interaction.id}`);

    expect(first?.timestamp).toBeDefined();
    expect(second?.timestamp).toBe(first?.timestamp);
    expect(second?.data).toMatchObject({ request: { model: "other-model", k: 5 } });
  });

  describe("refuses requests Discord did not sign, queueing nothing", () => {
    it("with a signature from another key", async () => {
      const interaction = attribInteraction({ text: "forged" });
      const { privateKey } = generateKeyPairSync("ed25519");

      const answer = await postDiscord(bot.url, interaction, privateKey);

      expect(answer.status).toBe(401);
      expect(await queues.analysisJob(`discord-${interaction.id}`)).toBeUndefined();
    });

    it("with a body changed after signing", async () => {
      const interaction = attribInteraction({ text: "signed" });
      const headers = discordSignatureHeaders(
        JSON.stringify(interaction),
        bot.keys.privateKey,
      );
      const tampered = JSON.stringify({
        ...interaction,
        data: { ...interaction.data, options: [] },
      });

      const answer = await postDiscordRaw(bot.url, tampered, headers);

      expect(answer.status).toBe(401);
      expect(await queues.analysisJob(`discord-${interaction.id}`)).toBeUndefined();
    });

    it("without the signature headers", async () => {
      const interaction = attribInteraction({ text: "unsigned" });

      const answer = await postDiscordRaw(bot.url, JSON.stringify(interaction), {
        "content-type": "application/json",
      });

      expect(answer.status).toBe(401);
      expect(await queues.analysisJob(`discord-${interaction.id}`)).toBeUndefined();
    });

    it("with a timestamp more than five minutes old", async () => {
      const interaction = attribInteraction({ text: "replayed" });
      const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;

      const answer = await postDiscord(
        bot.url,
        interaction,
        bot.keys.privateKey,
        sixMinutesAgo,
      );

      expect(answer.status).toBe(401);
      expect(await queues.analysisJob(`discord-${interaction.id}`)).toBeUndefined();
    });

    it("including a PING", async () => {
      const body = JSON.stringify(pingInteraction());
      const headers = discordSignatureHeaders(body, bot.keys.privateKey);

      const answer = await postDiscordRaw(bot.url, body, {
        ...headers,
        "x-signature-ed25519": "0".repeat(128),
      });

      expect(answer.status).toBe(401);
    });
  });

  it("answers help with an ephemeral usage and example", async () => {
    const interaction = attribInteraction({ text: "help" });

    const answer = await postDiscord(bot.url, interaction, bot.keys.privateKey);

    const text = ephemeralText(answer.body);
    expect(text).toContain("/attrib text:<prompt>");
    expect(text).toContain('Example: `/attrib text:Steve target:" Jobs" k:3`');
    expect(await queues.analysisJob(`discord-${interaction.id}`)).toBeUndefined();
  });

  it("says the limit when the text is too long", async () => {
    const interaction = attribInteraction({ text: "a".repeat(501) });

    const answer = await postDiscord(bot.url, interaction, bot.keys.privateKey);

    expect(ephemeralText(answer.body)).toBe(
      "The text is 501 characters long; /attrib accepts at most 500. Shorten it and try again.",
    );
    expect(await queues.analysisJob(`discord-${interaction.id}`)).toBeUndefined();
  });

  it("lists the installed models for an unknown model", async () => {
    const interaction = attribInteraction({ text: "Steve", model: "gpt-5" });

    const answer = await postDiscord(bot.url, interaction, bot.keys.privateKey);

    expect(ephemeralText(answer.body)).toBe(
      `Unknown model "gpt-5". Installed models: other-model, ${TEST_MODEL}.`,
    );
  });

  it("says the accepted range for k", async () => {
    const interaction = attribInteraction({ text: "Steve", k: 21 });

    const answer = await postDiscord(bot.url, interaction, bot.keys.privateKey);

    expect(ephemeralText(answer.body)).toContain("k must be a whole number from 1 to 20");
    expect(ephemeralText(answer.body)).toContain("you gave 21");
  });

  it("asks a user over the rate limit to wait, naming the seconds", async () => {
    const userId = "5000000000000000001";
    const asked = [1, 2, 3].map(() => attribInteraction({ text: "Steve", userId }));
    for (const interaction of asked)
      queues.track("analyses", `discord-${interaction.id}`);

    const answers = [];
    for (const interaction of asked) {
      answers.push(await postDiscord(bot.url, interaction, bot.keys.privateKey));
    }

    expect(answers.slice(0, 2).map((a) => a.body)).toEqual([
      { type: DEFERRED },
      { type: DEFERRED },
    ]);
    const text = ephemeralText(answers[2]?.body ?? null);
    expect(text).toMatch(
      /^You have reached the limit of 2 analyses per 60 s\. Please wait (\d+) s and try again\.$/,
    );
    const seconds = Number(/wait (\d+) s/.exec(text)?.[1]);
    expect(seconds).toBeGreaterThan(55);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(await queues.analysisJob(`discord-${asked[2]?.id ?? ""}`)).toBeUndefined();
  });

  it("never writes a secret or an interaction token into the log", () => {
    const secrets = [
      bot.env.discord?.botToken,
      bot.env.slack?.botToken,
      bot.env.slack?.signingSecret,
    ];
    const text = bot.logText.join("");

    expect(bot.logs.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain("dGVzdC10b2tlbg");
  });
});
