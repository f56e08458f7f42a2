import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { UNAVAILABLE_MESSAGE } from "../src/command/createCommandHandler.ts";
import { waitFor } from "./standins/listenOnLoopback.ts";
import {
  startDiscordApiStandin,
  type DiscordApiStandin,
} from "./standins/startDiscordApiStandin.ts";
import {
  startSlackApiStandin,
  type SlackApiStandin,
} from "./standins/startSlackApiStandin.ts";
import { attribInteraction, pingInteraction } from "./support/discordInteractions.ts";
import { postDiscord, postSlack } from "./support/postSigned.ts";
import { hasRedisServer, PrivateRedis } from "./support/redisServer.ts";
import { slashCommandForm } from "./support/slackCommands.ts";
import {
  startTestBot,
  TEST_SLACK_BOT_TOKEN,
  TEST_SLACK_SIGNING_SECRET,
  type TestBot,
} from "./support/startTestBot.ts";
import { closedPort, deleteKeys } from "./support/testServices.ts";

/** Discord's deadline for the first answer to an interaction. */
const DISCORD_DEADLINE_MS = 3_000;

let discordApi: DiscordApiStandin;
let slackApi: SlackApiStandin;
let bot: TestBot | undefined;

beforeAll(async () => {
  discordApi = await startDiscordApiStandin();
  slackApi = await startSlackApiStandin(TEST_SLACK_BOT_TOKEN);
});

afterEach(async () => {
  await bot?.close();
  if (bot) await deleteKeys(bot.env.redisPrefix);
  bot = undefined;
});

afterAll(async () => {
  await Promise.all([discordApi?.close(), slackApi?.close()]);
});

function startBotWith(variables: Record<string, string>) {
  return startTestBot({
    discordApiUrl: discordApi.apiUrl,
    slackApiUrl: slackApi.apiUrl,
    variables,
  });
}

async function timedCommand(running: TestBot, text = "Steve") {
  const started = Date.now();
  const answer = await postDiscord(
    running.url,
    attribInteraction({ text }),
    running.keys.privateKey,
  );
  return { answer, ms: Date.now() - started };
}

const unavailable = {
  type: 4,
  data: { content: UNAVAILABLE_MESSAGE, flags: 64, allowed_mentions: { parse: [] } },
};

describe("when a service is down", () => {
  it("tells the user Redis is unreachable, in time, and keeps serving", async () => {
    bot = await startBotWith({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });

    const { answer, ms } = await timedCommand(bot);
    const slack = await postSlack(
      bot.url,
      slashCommandForm("Steve"),
      TEST_SLACK_SIGNING_SECRET,
    );
    const ping = await postDiscord(bot.url, pingInteraction(), bot.keys.privateKey);
    const help = await postDiscord(
      bot.url,
      attribInteraction({ text: "help" }),
      bot.keys.privateKey,
    );

    expect(answer).toEqual({ status: 200, body: unavailable });
    expect(ms).toBeLessThan(DISCORD_DEADLINE_MS);
    expect(slack.body).toEqual({ response_type: "ephemeral", text: UNAVAILABLE_MESSAGE });
    expect(ping.body).toEqual({ type: 1 });
    expect(help.body).toMatchObject({ type: 4, data: { flags: 64 } });
  });

  it("tells the user the database is unreachable, in time, and keeps serving", async () => {
    const port = await closedPort();
    bot = await startBotWith({
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/attrib`,
    });

    const { answer, ms } = await timedCommand(bot);
    const ping = await postDiscord(bot.url, pingInteraction(), bot.keys.privateKey);

    expect(answer).toEqual({ status: 200, body: unavailable });
    expect(ms).toBeLessThan(DISCORD_DEADLINE_MS);
    expect(ping.body).toEqual({ type: 1 });
  });

  it.skipIf(!hasRedisServer)("queues again once Redis is back", async () => {
    const redis = new PrivateRedis(await closedPort());
    await redis.start();
    try {
      bot = await startBotWith({ REDIS_URL: redis.url });
      expect((await timedCommand(bot)).answer.body).toEqual({ type: 5 });

      await redis.stop();
      const down = await timedCommand(bot);
      expect(down.answer.body).toEqual(unavailable);
      expect(down.ms).toBeLessThan(DISCORD_DEADLINE_MS);

      await redis.start();
      const running = bot;
      const recovered = await waitFor(
        async () => {
          const { answer } = await timedCommand(running);
          return (answer.body as { type?: number }).type === 5 ? answer : undefined;
        },
        "a queued command after Redis returned",
        20_000,
      );
      expect(recovered.body).toEqual({ type: 5 });
    } finally {
      await bot?.close();
      bot = undefined;
      await redis.stop();
    }
  });
});
