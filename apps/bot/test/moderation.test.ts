/**
 * Moderation from chat: operators (ATTRIB_OPERATORS) hide, unhide, delete
 * and block; authors delete their own analyses by command or with the
 * Delete button on the reply; blocked users and servers are refused; a
 * server keeps its analyses off the dashboard. Requests are signed in the
 * platforms' own formats; what changed is read back with SQL.
 */
import { randomUUID } from "node:crypto";

import {
  deletionTokenValid,
  type JobQueues,
  openJobQueues,
  parseDeletionToken,
} from "@attrib/jobs";
import { createStore, type Store } from "@attrib/store";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseModerationCommand } from "../src/moderation/parseModerationCommand.ts";
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
import { attribInteraction, snowflake } from "./support/discordInteractions.ts";
import { postDiscord, postSlack } from "./support/postSigned.ts";
import { openQueueInspector, type QueueInspector } from "./support/queueInspector.ts";
import { chartReply } from "./support/replyJobs.ts";
import { slashCommandForm } from "./support/slackCommands.ts";
import {
  startTestBot,
  TEST_APPLICATION_ID,
  TEST_SLACK_BOT_TOKEN,
  TEST_SLACK_SIGNING_SECRET,
  type TestBot,
} from "./support/startTestBot.ts";
import { deleteTestRows } from "./support/testDatabase.ts";
import { deleteKeys, TEST_DATABASE_URL, TEST_REDIS_URL } from "./support/testServices.ts";

const OPERATOR = snowflake();
const SLACK_OPERATOR = "U0OPERATOR1";
const DELETION_SECRET = "bot-test-deletion-secret-of-32-characters";
const model = `bot-moderation-${randomUUID().slice(0, 8)}`;
const UPDATE_MESSAGE = 7;

let discordApi: DiscordApiStandin;
let slackApi: SlackApiStandin;
let bot: TestBot;
let store: Store;
let queues: QueueInspector;
let producer: JobQueues;
const created: string[] = [];

async function sql<Row extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** An analysis asked by `userId` on Discord, stored as the worker would. */
async function storedBy(userId: string, serverId = "2000000000000000001") {
  const stored = await store.saveAnalysis(
    attributionResult(model, `moderate ${randomUUID()}`),
    {
      platform: "discord",
      serverId,
      channelId: "3000000000000000001",
      userId,
      displayName: "Ada",
    },
  );
  created.push(stored.id);
  return stored.id;
}

async function exists(id: string): Promise<boolean> {
  const rows = await sql("SELECT 1 FROM analysis WHERE id = $1", [id]);
  return rows.length === 1;
}

async function hidden(id: string): Promise<boolean> {
  const rows = await sql<{ hidden: boolean }>(
    "SELECT hidden_at IS NOT NULL AS hidden FROM analysis WHERE id = $1",
    [id],
  );
  return rows[0]?.hidden ?? false;
}

/** Types `/attrib text:<text>` on Discord as `userId` and returns the ephemeral answer. */
async function discordCommand(
  text: string,
  userId: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const interaction = { ...attribInteraction({ text, userId }), ...extra };
  const answer = await postDiscord(bot.url, interaction, bot.keys.privateKey);
  expect(answer.body).toMatchObject({ type: 4, data: { flags: 64 } });
  return String((answer.body?.data as { content?: unknown }).content);
}

/** Presses the Delete button of a reply, as Discord sends a MESSAGE_COMPONENT. */
async function pressDelete(analysisId: string, userId: string) {
  const base = attribInteraction({ userId });
  const interaction = {
    ...base,
    type: 3,
    message: { id: snowflake(), channel_id: base.channel_id },
    data: { custom_id: `attrib-delete:${analysisId}`, component_type: 2 },
  };
  return postDiscord(bot.url, interaction, bot.keys.privateKey);
}

beforeAll(async () => {
  store = createStore({ databaseUrl: TEST_DATABASE_URL });
  queues = openQueueInspector();
  producer = openJobQueues(TEST_REDIS_URL);
  discordApi = await startDiscordApiStandin();
  slackApi = await startSlackApiStandin(TEST_SLACK_BOT_TOKEN);
  bot = await startTestBot({
    discordApiUrl: discordApi.apiUrl,
    slackApiUrl: slackApi.apiUrl,
    extraModels: [model],
    variables: {
      ATTRIB_OPERATORS: `discord:${OPERATOR},slack:${SLACK_OPERATOR}`,
      ATTRIB_DELETION_SECRET: DELETION_SECRET,
    },
  });
});

afterAll(async () => {
  await queues?.removeJobs();
  await Promise.all([queues?.close(), producer?.close()]);
  await bot?.close();
  if (bot) await deleteKeys(bot.env.redisPrefix);
  await Promise.all([discordApi?.close(), slackApi?.close()]);
  await deleteTestRows(created, [model]);
  await sql("DELETE FROM blocked_requester WHERE blocked_by = $1", [
    `discord:${OPERATOR}`,
  ]);
  await sql("DELETE FROM unpublished_server WHERE server_id LIKE 'moderation-%'");
  await store?.close();
});

describe("reading moderation commands", () => {
  it("reads links, ids and block subjects, and leaves prompts that only look alike", () => {
    const id = "0192f3a4-5b6c-7d8e-9f01-23456789abcd";

    expect(
      parseModerationCommand(`delete https://attrib.example/analyses/${id}`),
    ).toEqual({ kind: "delete", analysisId: id });
    expect(
      parseModerationCommand(`hide <https://x.example/analyses/${id}|link>`),
    ).toEqual({
      kind: "hide",
      analysisId: id,
    });
    expect(parseModerationCommand("block user 123 spam links")).toEqual({
      kind: "block",
      subjectKind: "user",
      subjectId: "123",
      reason: "spam links",
    });
    expect(parseModerationCommand("publish off")).toEqual({
      kind: "publish",
      publish: false,
    });
    expect(parseModerationCommand("hide and seek")).toBeNull();
    expect(parseModerationCommand("delete the file")).toBeNull();
    expect(parseModerationCommand("Steve")).toBeNull();
  });
});

describe("operators in chat", () => {
  it("hide, unhide and delete any analysis, each written to the audit log", async () => {
    const id = await storedBy(snowflake());

    expect(await discordCommand(`hide ${id}`, OPERATOR)).toContain("hidden");
    expect(await hidden(id)).toBe(true);
    expect(await discordCommand(`unhide ${id}`, OPERATOR)).toContain("public again");
    expect(await hidden(id)).toBe(false);
    expect(
      await discordCommand(`delete http://127.0.0.1:3000/analyses/${id}`, OPERATOR),
    ).toContain("Deleted");

    expect(await exists(id)).toBe(false);
    const audit = await sql<{ actor: string; action: string }>(
      "SELECT actor, action FROM audit_entry WHERE subject = $1 ORDER BY id",
      [id],
    );
    expect(audit).toEqual(
      ["analysis.hide", "analysis.unhide", "analysis.delete"].map((action) => ({
        actor: `discord:${OPERATOR}`,
        action,
      })),
    );
  });

  it("delete from Slack too, with a signed slash command", async () => {
    const id = await storedBy(snowflake());

    const answer = await postSlack(
      bot.url,
      slashCommandForm(`delete ${id}`, { userId: SLACK_OPERATOR }),
      TEST_SLACK_SIGNING_SECRET,
    );

    expect(answer.body).toMatchObject({ response_type: "ephemeral" });
    expect(String(answer.body?.text)).toContain("Deleted");
    expect(await exists(id)).toBe(false);
  });

  it("refuses a second delete and an id that does not exist, clearly", async () => {
    const id = await storedBy(snowflake());
    await discordCommand(`delete ${id}`, OPERATOR);

    const again = await discordCommand(`delete ${id}`, OPERATOR);
    const unknown = await discordCommand(`delete ${randomUUID()}`, OPERATOR);

    expect(again).toMatch(
      /There is no analysis .* deleted already\. Nothing was changed\./,
    );
    expect(unknown).toContain("Nothing was changed.");
  });

  it("refuses hide, block and unhide from anyone who is not an operator", async () => {
    const id = await storedBy(snowflake());
    const stranger = snowflake();

    expect(await discordCommand(`hide ${id}`, stranger)).toContain(
      "Only the dashboard's operators",
    );
    expect(await discordCommand(`block user ${snowflake()}`, stranger)).toContain(
      "Only the dashboard's operators",
    );
    expect(await hidden(id)).toBe(false);
  });

  it("block a user, whose prompts are then refused, and unblock them", async () => {
    const user = snowflake();
    expect(await discordCommand(`block user ${user} spam`, OPERATOR)).toContain(
      "Blocked",
    );

    const refused = await discordCommand("Steve", user);
    expect(refused).toBe(
      "You are blocked from /attrib by the dashboard's operators (spam). " +
        "Ask them if you think this is a mistake.",
    );
    expect(await discordCommand(`block user ${user}`, OPERATOR)).toContain(
      "blocked already",
    );

    await discordCommand(`unblock user ${user}`, OPERATOR);
    const interaction = attribInteraction({
      text: `unblocked ${randomUUID()}`,
      model,
      userId: user,
    });
    queues.track("analyses", `discord-${interaction.id}`);
    const answer = await postDiscord(bot.url, interaction, bot.keys.privateKey);
    expect(answer.body).toEqual({ type: 5 });
  });
});

describe("authors in chat", () => {
  it("find a Delete button on the Discord reply", async () => {
    const interactionToken = `token-${randomUUID()}`;
    const reply = await chartReply({
      platform: "discord",
      applicationId: TEST_APPLICATION_ID,
      interactionToken,
    });
    const jobId = `reply-${randomUUID()}`;
    queues.track("replies", jobId);

    await producer.enqueueReply(reply, jobId);
    const edit = await waitFor(
      () => discordApi.edits.find((e) => e.interactionToken === interactionToken),
      "the reply's edit at the Discord stand-in",
    );

    expect(edit.payload.components).toEqual([
      {
        type: 1,
        components: [
          {
            type: 2,
            style: 4,
            label: "Delete",
            custom_id: `attrib-delete:${reply.analysisId ?? ""}`,
          },
        ],
      },
    ]);
  });

  it("delete their own analysis and cannot delete someone else's", async () => {
    const author = snowflake();
    const own = await storedBy(author);
    const others = await storedBy(snowflake());

    const refused = await discordCommand(`delete ${others}`, author);
    expect(refused).toContain("was asked for by someone else");
    expect(refused).toContain("Nothing was changed.");
    expect(await exists(others)).toBe(true);

    expect(await discordCommand(`delete ${own}`, author)).toContain("Deleted");
    expect(await exists(own)).toBe(false);
  });

  it("delete with the button on the reply, which then loses its chart", async () => {
    const author = snowflake();
    const id = await storedBy(author);

    const stranger = await pressDelete(id, snowflake());
    expect(stranger.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(await exists(id)).toBe(true);

    const pressed = await pressDelete(id, author);

    expect(pressed.body).toEqual({
      type: UPDATE_MESSAGE,
      data: {
        content: "This analysis was deleted.",
        attachments: [],
        components: [],
        allowed_mentions: { parse: [] },
      },
    });
    expect(await exists(id)).toBe(false);
  });

  it("get a signed deletion link for their own analysis only", async () => {
    const author = snowflake();
    const id = await storedBy(author);

    const answer = await discordCommand(`deletelink ${id}`, author);
    const token = /\/delete\/(\S+)$/.exec(answer)?.[1] ?? "";
    const parsed = parseDeletionToken(decodeURIComponent(token));

    expect(parsed?.analysisId).toBe(id);
    expect(answer).not.toContain(author);
    expect(
      parsed &&
        deletionTokenValid(
          parsed,
          { platform: "discord", userId: author },
          DELETION_SECRET,
        ),
    ).toBe(true);
    expect(await discordCommand(`deletelink ${id}`, snowflake())).toContain(
      "Only the person who asked",
    );
  });
});

describe("a server keeping its analyses off the dashboard", () => {
  it("is switched by a server manager, not by an ordinary member", async () => {
    const server = `moderation-${randomUUID().slice(0, 8)}`;
    const member = { guild_id: server };

    expect(await discordCommand("publish off", snowflake(), member)).toContain(
      "Only the dashboard's operators",
    );
    const manager = {
      guild_id: server,
      member: { nick: null, user: { id: snowflake(), username: "m" }, permissions: "32" },
    };
    expect(await discordCommand("publish off", snowflake(), manager)).toContain(
      "keeps its analyses off the dashboard",
    );

    const rows = await sql("SELECT 1 FROM unpublished_server WHERE server_id = $1", [
      server,
    ]);
    expect(rows).toHaveLength(1);
  });
});
