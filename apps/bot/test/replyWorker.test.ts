import { randomUUID } from "node:crypto";

import { type JobQueues, openJobQueues } from "@attrib/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

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
import { openQueueInspector, type QueueInspector } from "./support/queueInspector.ts";
import { chartReply, failureReply } from "./support/replyJobs.ts";
import {
  startTestBot,
  TEST_APPLICATION_ID,
  TEST_SLACK_BOT_TOKEN,
  type TestBot,
} from "./support/startTestBot.ts";
import { deleteKeys, TEST_REDIS_URL } from "./support/testServices.ts";

let discordApi: DiscordApiStandin;
let slackApi: SlackApiStandin;
let bot: TestBot;
let producer: JobQueues;
let queues: QueueInspector;

beforeAll(async () => {
  discordApi = await startDiscordApiStandin();
  slackApi = await startSlackApiStandin(TEST_SLACK_BOT_TOKEN);
  bot = await startTestBot({
    discordApiUrl: discordApi.apiUrl,
    slackApiUrl: slackApi.apiUrl,
  });
  producer = openJobQueues(TEST_REDIS_URL);
  queues = openQueueInspector();
});

afterAll(async () => {
  await queues?.removeJobs();
  await Promise.all([queues?.close(), producer?.close()]);
  await bot?.close();
  if (bot) await deleteKeys(bot.env.redisPrefix);
  await Promise.all([discordApi?.close(), slackApi?.close()]);
});

function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

async function enqueueReply(
  job: Parameters<JobQueues["enqueueReply"]>[0],
  jobId: string,
) {
  queues.track("replies", jobId);
  await producer.enqueueReply(job, jobId);
}

const discordTarget = (interactionToken: string) => ({
  platform: "discord" as const,
  applicationId: TEST_APPLICATION_ID,
  interactionToken,
});

const slackTarget = (channelId: string, responseUrl: string | null = null) => ({
  platform: "slack" as const,
  channelId,
  responseUrl,
  threadTs: null,
});

describe("reply worker", () => {
  it("edits the Discord interaction's answer with the chart as a multipart PNG", async () => {
    const token = uniqueId("token");
    await enqueueReply(await chartReply(discordTarget(token)), uniqueId("reply"));

    const edit = await waitFor(
      () => discordApi.edits.find((e) => e.interactionToken === token),
      "the Discord edit",
    );

    expect(edit.applicationId).toBe(TEST_APPLICATION_ID);
    expect(edit.authorized).toBe(false);
    expect(edit.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(edit.files).toHaveLength(1);
    expect(edit.files[0]).toMatchObject({
      field: "files[0]",
      filename: "attrib-chart.png",
      contentType: "image/png",
    });
    expect(decodePng(edit.files[0]?.data ?? Buffer.alloc(0))).toEqual({
      width: 1200,
      height: 630,
    });
    expect(edit.payload.attachments).toEqual([
      expect.objectContaining({ id: 0, filename: "attrib-chart.png" }),
    ]);
    expect(edit.payload.allowed_mentions).toEqual({ parse: [] });
    const content = String(edit.payload.content);
    expect(content).toContain('Top next tokens: " Jobs" 62.5% · " Wozniak" 12.5%');
    expect(content).toContain(
      'Final MLP (L1.mlp) share of the " Jobs" logit: 80.0% signed, ' +
        "80.0% of all absolute contribution.",
    );
    expect(content).toContain(
      "Dashboard: <http://127.0.0.1:3000/analyses/0b6f7c1e-3f9a-4d0c-9c84-1f2e3d4c5b6a>",
    );
  });

  it("uploads the chart with the summary to the Slack channel", async () => {
    const channel = `C${randomUUID().slice(0, 8).toUpperCase()}`;
    await enqueueReply(await chartReply(slackTarget(channel)), uniqueId("reply"));

    const upload = await waitFor(
      () => slackApi.uploads.find((u) => u.channelId === channel),
      "the Slack upload",
    );

    expect(decodePng(upload.data)).toEqual({ width: 1200, height: 630 });
    expect(upload.filename).toBe("attrib-chart.png");
    expect(upload.initialComment).toContain(
      'Top next tokens: " Jobs" 62.5% · " Wozniak" 12.5%',
    );
    expect(upload.initialComment).toContain("80.0% signed");
    expect(upload.initialComment).toContain(
      "Dashboard: <http://127.0.0.1:3000/analyses/0b6f7c1e-3f9a-4d0c-9c84-1f2e3d4c5b6a|",
    );
    expect(slackApi.calls).toEqual(
      expect.arrayContaining([
        "files.getUploadURLExternal",
        "files.completeUploadExternal",
      ]),
    );
  });

  it("posts the failure text when the analysis could not be made", async () => {
    const token = uniqueId("token");
    const channel = `C${randomUUID().slice(0, 8).toUpperCase()}`;
    const failure = 'target "Jobs Steve" is 2 tokens; a target must be exactly one token';
    await enqueueReply(failureReply(discordTarget(token), failure), uniqueId("reply"));
    await enqueueReply(failureReply(slackTarget(channel), failure), uniqueId("reply"));

    const edit = await waitFor(
      () => discordApi.edits.find((e) => e.interactionToken === token),
      "the Discord edit",
    );
    const message = await waitFor(
      () => slackApi.messages.find((m) => m.channel === channel),
      "the Slack message",
    );

    expect(edit.files).toEqual([]);
    expect(edit.payload.content).toBe(`The analysis could not be made: ${failure}`);
    expect(message.text).toBe(`The analysis could not be made: ${failure}`);
  });

  it("posts a reply job once even when the job runs again", async () => {
    const channel = `C${randomUUID().slice(0, 8).toUpperCase()}`;
    const jobId = uniqueId("reply");
    const job = failureReply(slackTarget(channel), "the model is not installed");
    await enqueueReply(job, jobId);
    await waitFor(
      () => slackApi.messages.find((m) => m.channel === channel),
      "the first post",
    );
    const done = await waitFor(async () => {
      const first = await queues.replyJob(jobId);
      return (await first?.isCompleted()) ? first : undefined;
    }, "the first run to complete");
    await done.remove();

    await enqueueReply(job, jobId);
    await waitFor(
      () =>
        bot.logs.find((line) => line.event === "reply.skipped" && line.jobId === jobId),
      "the second run",
    );

    expect(slackApi.messages.filter((m) => m.channel === channel)).toHaveLength(1);
  });

  it("falls back to the response URL where the bot is not in the channel", async () => {
    const channel = `C${randomUUID().slice(0, 8).toUpperCase()}`;
    const responseId = randomUUID().replace(/-/g, "");
    slackApi.channelsWithoutBot.add(channel);
    await enqueueReply(
      await chartReply(slackTarget(channel, slackApi.responseUrl(responseId))),
      uniqueId("reply"),
    );

    const response = await waitFor(
      () => slackApi.responses.find((r) => r.id === responseId),
      "the response URL post",
    );

    expect(response.body.response_type).toBe("in_channel");
    expect(String(response.body.text)).toContain("Top next tokens");
    expect(slackApi.uploads.find((u) => u.channelId === channel)).toBeUndefined();
  });
});
