import { describe, expect, it } from "vitest";

import {
  discordPublicKey,
  verifyDiscordSignature,
} from "../src/discord/verifyDiscordSignature.ts";
import { discordSignatureHeaders, discordTestKeys } from "./support/signRequests.ts";

const keys = discordTestKeys();
const publicKey = discordPublicKey(keys.publicKeyHex);
const NOW_S = 1_765_000_000;

function signed(body: string, timestamp = NOW_S) {
  const headers = discordSignatureHeaders(body, keys.privateKey, timestamp);
  return {
    signature: headers["x-signature-ed25519"],
    timestamp: headers["x-signature-timestamp"],
    rawBody: Buffer.from(body),
  };
}

describe("verifyDiscordSignature", () => {
  it("accepts Ed25519 over timestamp + body with the application's key", () => {
    expect(verifyDiscordSignature(signed('{"type":1}'), publicKey, NOW_S * 1000)).toBe(
      true,
    );
  });

  it("refuses a changed body, a changed timestamp and missing headers", () => {
    const request = signed('{"type":1}');

    expect(
      verifyDiscordSignature(
        { ...request, rawBody: Buffer.from('{"type":2}') },
        publicKey,
        NOW_S * 1000,
      ),
    ).toBe(false);
    expect(
      verifyDiscordSignature(
        { ...request, timestamp: String(NOW_S + 1) },
        publicKey,
        NOW_S * 1000,
      ),
    ).toBe(false);
    expect(
      verifyDiscordSignature(
        { ...request, signature: undefined },
        publicKey,
        NOW_S * 1000,
      ),
    ).toBe(false);
    expect(
      verifyDiscordSignature(
        { ...request, timestamp: undefined },
        publicKey,
        NOW_S * 1000,
      ),
    ).toBe(false);
  });

  it("refuses a timestamp more than five minutes away from now", () => {
    const request = signed('{"type":1}');

    expect(verifyDiscordSignature(request, publicKey, (NOW_S + 299) * 1000)).toBe(true);
    expect(verifyDiscordSignature(request, publicKey, (NOW_S + 301) * 1000)).toBe(false);
    expect(verifyDiscordSignature(request, publicKey, (NOW_S - 301) * 1000)).toBe(false);
  });
});
