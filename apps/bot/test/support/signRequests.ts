import { createHmac, generateKeyPairSync, type KeyObject, sign } from "node:crypto";

export interface DiscordTestKeys {
  privateKey: KeyObject;
  /** What the developer portal shows: the raw 32-byte key in hex. */
  publicKeyHex: string;
}

/** A fresh Ed25519 key pair standing in for a Discord application's. */
export function discordTestKeys(): DiscordTestKeys {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const jwk = publicKey.export({ format: "jwk" });
  return {
    privateKey,
    publicKeyHex: Buffer.from(jwk.x ?? "", "base64url").toString("hex"),
  };
}

/** Headers Discord sends: Ed25519 over timestamp + body, hex. */
export function discordSignatureHeaders(
  body: string,
  privateKey: KeyObject,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = sign(null, Buffer.from(`${timestamp}${body}`), privateKey);
  return {
    "content-type": "application/json",
    "x-signature-ed25519": signature.toString("hex"),
    "x-signature-timestamp": String(timestamp),
  };
}

/** Headers Slack sends: v0 HMAC-SHA256 over `v0:{timestamp}:{body}`. */
export function slackSignatureHeaders(
  body: string,
  signingSecret: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const digest = createHmac("sha256", signingSecret)
    .update(`v0:${timestamp}:${body}`)
    .digest("hex");
  return {
    "content-type": "application/x-www-form-urlencoded",
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": `v0=${digest}`,
  };
}
