import { randomUUID } from "node:crypto";

import { createStore, type Store } from "@attrib/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { attributionResult } from "./fixtures/attributionResult.ts";
import { waitFor } from "./standins/listenOnLoopback.ts";
import {
  startDiscordApiStandin,
  type DiscordApiStandin,
} from "./standins/startDiscordApiStandin.ts";
import {
  startSlackApiStandin,
  type SlackApiStandin,
} from "./standins/startSlackApiStandin.ts";
import { decodePng } from "./support/decodePng.ts";
import { attribInteraction } from "./support/discordInteractions.ts";
import { postDiscord } from "./support/postSigned.ts";
import { openQueueInspector, type QueueInspector } from "./support/queueInspector.ts";
import {
  startTestBot,
  TEST_SLACK_BOT_TOKEN,
  type TestBot,
} from "./support/startTestBot.ts";
import { deleteTestRows } from "./support/testDatabase.ts";
import { deleteKeys, TEST_DATABASE_URL } from "./support/testServices.ts";

const model = `bot-reuse-${randomUUID().slice(0, 8)}`;
const text = `Steve ${randomUUID().slice(0, 8)}`;

let discordApi: DiscordApiStandin;
let slackApi: SlackApiStandin;
let bot: TestBot;
let store: Store;
let queues: QueueInspector;
let storedId = "";

beforeAll(async () => {
  store = createStore({ databaseUrl: TEST_DATABASE_URL });
  const stored = await store.saveAnalysis(
    attributionResult(model, text),
    { platform: "cli" },
    { k: 2, targets: [] },
  );
  storedId = stored.id;
  discordApi = await startDiscordApiStandin();
  slackApi = await startSlackApiStandin(TEST_SLACK_BOT_TOKEN);
  bot = await startTestBot({
    discordApiUrl: discordApi.apiUrl,
    slackApiUrl: slackApi.apiUrl,
    extraModels: [model],
  });
  queues = openQueueInspector();
});

afterAll(async () => {
  await queues?.removeJobs();
  await queues?.close();
  await bot?.close();
  if (bot) await deleteKeys(bot.env.redisPrefix);
  await deleteTestRows([storedId], [model]);
  await store?.close();
  await Promise.all([discordApi?.close(), slackApi?.close()]);
});

describe("reuse of a recent answer", () => {
  it("replies with the stored analysis instead of queueing the same question again", async () => {
    const interaction = attribInteraction({ text, model, k: 2 });
    const jobId = `discord-${interaction.id}`;
    queues.track("analyses", jobId);
    queues.track("replies", `reply-${jobId}`);

    const answer = await postDiscord(bot.url, interaction, bot.keys.privateKey);

    expect(answer.body).toEqual({ type: 5 });
    expect(await queues.analysisJob(jobId)).toBeUndefined();
    const edit = await waitFor(
      () => discordApi.edits.find((e) => e.interactionToken === interaction.token),
      "the reply to the reused analysis",
    );
    expect(decodePng(edit.files[0]?.data ?? Buffer.alloc(0))).toEqual({
      width: 1200,
      height: 630,
    });
    expect(String(edit.payload.content)).toContain(`/analyses/${storedId}>`);
    expect(String(edit.payload.content)).toContain('" Jobs" 62.5%');
  });

  it("queues an analysis when the question differs (another k)", async () => {
    const interaction = attribInteraction({ text, model, k: 3 });
    const jobId = `discord-${interaction.id}`;
    queues.track("analyses", jobId);

    await postDiscord(bot.url, interaction, bot.keys.privateKey);

    expect((await queues.analysisJob(jobId))?.data).toMatchObject({
      request: { text, model, k: 3, targets: [] },
    });
  });
});
