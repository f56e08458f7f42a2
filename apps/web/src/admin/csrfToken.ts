import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The token every admin form carries: an HMAC of the operator's session id,
 * so a page on another site cannot know it even when the browser sends the
 * session cookie along.
 *
 * @param secret - WEB_AUTH_SECRET
 */
export function csrfToken(sessionId: string, secret: string): string {
  return createHmac("sha256", secret)
    .update(`attrib-csrf|${sessionId}`)
    .digest("base64url");
}

/** Whether `given` is the token of this session. */
export function csrfTokenValid(
  given: string,
  sessionId: string,
  secret: string,
): boolean {
  const expected = Buffer.from(csrfToken(sessionId, secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
