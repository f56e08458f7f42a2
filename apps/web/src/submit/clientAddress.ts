/**
 * The address a submission is rate-limited by. Next puts the socket's
 * address in X-Forwarded-For when the request has none; each trusted proxy
 * appends the address it saw, so the client is the entry that many places
 * from the end. Entries further left came from the client and prove nothing.
 *
 * @param forwardedFor - the X-Forwarded-For header, if any
 * @param trustedProxies - how many proxies in front append to it
 */
export function clientAddress(
  forwardedFor: string | null,
  trustedProxies: number,
): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop.length > 0);
  const index = Math.max(0, hops.length - 1 - trustedProxies);
  return hops[index] ?? "unknown";
}
