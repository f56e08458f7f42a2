import { createHmac, timingSafeEqual } from "node:crypto";

/** How long a deletion link works after the bot gives it. */
export const DELETION_LINK_TTL_MS = 24 * 3_600_000;

/** Who may delete an analysis with a link: its author, as their platform knows them. */
export interface LinkAuthor {
  platform: string;
  userId: string;
}

/** What a deletion token names; the author is not in it, only in its signature. */
export interface DeletionToken {
  analysisId: string;
  expiresAt: Date;
  signature: string;
}

function sign(
  analysisId: string,
  expiresSeconds: number,
  author: LinkAuthor,
  secret: string,
): string {
  return createHmac("sha256", secret)
    .update(
      `attrib-delete|${analysisId}|${expiresSeconds}|${author.platform}|${author.userId}`,
    )
    .digest("base64url");
}

/**
 * A token that lets the author of an analysis delete it on the dashboard
 * until it expires. It carries the analysis id and expiry in clear and the
 * author only inside an HMAC, so the link shows no platform id.
 *
 * @param secret - ATTRIB_DELETION_SECRET, shared by the bot and the dashboard
 */
export function signDeletionToken(
  analysisId: string,
  author: LinkAuthor,
  secret: string,
  now: Date = new Date(),
): string {
  const expiresSeconds = Math.floor((now.getTime() + DELETION_LINK_TTL_MS) / 1_000);
  return `${analysisId}.${expiresSeconds}.${sign(analysisId, expiresSeconds, author, secret)}`;
}

/** The parts of a token, or null when it is not shaped like one. */
export function parseDeletionToken(token: string): DeletionToken | null {
  const match = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/i.exec(token);
  if (!match) return null;
  const [, analysisId = "", expires = "", signature = ""] = match;
  return { analysisId, expiresAt: new Date(Number(expires) * 1_000), signature };
}

/**
 * Whether the token was signed for this analysis's stored author (the
 * caller reads the author from the store) and has not expired.
 */
export function deletionTokenValid(
  token: DeletionToken,
  author: LinkAuthor,
  secret: string,
  now: Date = new Date(),
): boolean {
  if (token.expiresAt.getTime() <= now.getTime()) return false;
  const expected = Buffer.from(
    sign(token.analysisId, token.expiresAt.getTime() / 1_000, author, secret),
  );
  const given = Buffer.from(token.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The dashboard address where an author confirms a deletion.
 *
 * @param dashboardUrl - without a trailing slash
 */
export function deletionLink(dashboardUrl: string, token: string): string {
  return `${dashboardUrl.replace(/\/+$/, "")}/delete/${encodeURIComponent(token)}`;
}
