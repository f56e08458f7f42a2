import { createPublicKey, type KeyObject, verify } from "node:crypto";

/** Requests signed longer ago than this are refused as replays. */
export const MAX_SIGNATURE_AGE_S = 5 * 60;

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/**
 * The application's public key, from the hex Discord shows in the
 * developer portal.
 */
export function discordPublicKey(hex: string): KeyObject {
  const raw = Buffer.from(hex, "hex");
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, raw]),
    format: "der",
    type: "spki",
  });
}

export interface SignedRequest {
  /** X-Signature-Ed25519, hex. */
  signature: string | undefined;
  /** X-Signature-Timestamp, Unix seconds. */
  timestamp: string | undefined;
  rawBody: Buffer;
}

/**
 * Whether Discord signed this request: an Ed25519 signature of the
 * timestamp followed by the raw body, made within the last five minutes.
 *
 * @param nowMs - the current time, for tests
 */
export function verifyDiscordSignature(
  request: SignedRequest,
  publicKey: KeyObject,
  nowMs: number = Date.now(),
): boolean {
  const { signature, timestamp } = request;
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature)) return false;
  const signedAt = Number(timestamp);
  if (!Number.isInteger(signedAt)) return false;
  if (Math.abs(nowMs / 1000 - signedAt) > MAX_SIGNATURE_AGE_S) return false;

  const message = Buffer.concat([Buffer.from(timestamp, "utf8"), request.rawBody]);
  return verify(null, message, publicKey, Buffer.from(signature, "hex"));
}
