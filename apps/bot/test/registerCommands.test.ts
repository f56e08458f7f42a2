import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDiscordRest } from "../src/discord/createDiscordRest.ts";
import { registerDiscordCommands } from "../src/discord/registerDiscordCommands.ts";
import {
  startDiscordApiStandin,
  type DiscordApiStandin,
} from "./standins/startDiscordApiStandin.ts";

let discordApi: DiscordApiStandin;

beforeAll(async () => {
  discordApi = await startDiscordApiStandin();
});

afterAll(async () => {
  await discordApi?.close();
});

describe("registerDiscordCommands", () => {
  it("PUTs /attrib and its options with the bot token", async () => {
    const rest = createDiscordRest(
      {
        applicationId: "1000000000000000002",
        publicKey: "ab".repeat(32),
        botToken: "register-test-token",
        apiUrl: discordApi.apiUrl,
      },
      () => {},
    );

    await registerDiscordCommands(rest, "1000000000000000002");

    expect(discordApi.commandPuts).toHaveLength(1);
    const put = discordApi.commandPuts[0];
    expect(put?.applicationId).toBe("1000000000000000002");
    expect(put?.authorization).toBe("Bot register-test-token");
    expect(put?.commands).toEqual([
      expect.objectContaining({
        name: "attrib",
        options: [
          expect.objectContaining({ name: "text", type: 3, required: true }),
          expect.objectContaining({ name: "model", type: 3 }),
          expect.objectContaining({ name: "target", type: 3 }),
          expect.objectContaining({ name: "k", type: 4, min_value: 1, max_value: 20 }),
        ],
      }),
    ]);
  });
});
