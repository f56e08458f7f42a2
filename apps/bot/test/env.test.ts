import { describe, expect, it } from "vitest";

import { loadEnv } from "../src/env.ts";

const DISCORD = {
  DISCORD_APPLICATION_ID: "1000000000000000001",
  DISCORD_PUBLIC_KEY: "ab".repeat(32),
  DISCORD_BOT_TOKEN: "discord-token",
};
const SLACK = { SLACK_SIGNING_SECRET: "signing-secret", SLACK_BOT_TOKEN: "xoxb-token" };

describe("loadEnv", () => {
  it("leaves both platforms off when none of their variables is set", () => {
    const env = loadEnv({});

    expect(env.discord).toBeNull();
    expect(env.slack).toBeNull();
    expect(env.limits).toEqual({
      maxTextLength: 500,
      rateLimitCount: 5,
      rateLimitWindowMs: 60_000,
      reuseWindowMs: 86_400_000,
    });
  });

  it("names the missing variable of a half-configured platform", () => {
    const partial = { ...DISCORD, DISCORD_BOT_TOKEN: "" };

    expect(() => loadEnv(partial)).toThrow(/DISCORD_BOT_TOKEN: missing/);
    expect(() => loadEnv({ SLACK_BOT_TOKEN: "xoxb-token" })).toThrow(
      /SLACK_SIGNING_SECRET: missing/,
    );
  });

  it("names a variable with a value it does not accept, without echoing secrets", () => {
    const attempt = () =>
      loadEnv({ ...DISCORD, DISCORD_PUBLIC_KEY: "not-hex", BOT_PORT: "http" });

    expect(attempt).toThrow(/DISCORD_PUBLIC_KEY: 64 hex digits/);
    expect(attempt).toThrow(/BOT_PORT/);
    expect(attempt).not.toThrow(/discord-token/);
  });

  it("reads both platforms, the API bases and the limits", () => {
    const env = loadEnv({
      ...DISCORD,
      ...SLACK,
      DISCORD_API_URL: "http://127.0.0.1:9999/api/",
      SLACK_API_URL: "http://127.0.0.1:9998/api",
      BOT_MAX_TEXT_LENGTH: "200",
      BOT_RATE_LIMIT_COUNT: "3",
      BOT_RATE_LIMIT_WINDOW_S: "30",
      BOT_REUSE_WINDOW_S: "",
    });

    expect(env.discord).toEqual({
      applicationId: "1000000000000000001",
      publicKey: "ab".repeat(32),
      botToken: "discord-token",
      apiUrl: "http://127.0.0.1:9999/api",
    });
    expect(env.slack?.apiUrl).toBe("http://127.0.0.1:9998/api/");
    expect(env.limits).toEqual({
      maxTextLength: 200,
      rateLimitCount: 3,
      rateLimitWindowMs: 30_000,
      reuseWindowMs: 86_400_000,
    });
  });
});
