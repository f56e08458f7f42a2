/**
 * A target as typed. Chat apps trim option values, so a token with a
 * leading space (most word tokens) has to be quoted: `" Jobs"`.
 *
 * @returns the token text, or null when nothing was given
 */
export function parseTargetOption(typed: string | null): string | null {
  if (typed === null || typed.length === 0) return null;
  const quoted = /^"(.*)"$/s.exec(typed);
  if (!quoted) return typed;
  try {
    return JSON.parse(typed) as string;
  } catch {
    return quoted[1] ?? typed;
  }
}
