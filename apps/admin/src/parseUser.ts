import type { Author } from "@attrib/store";

/**
 * `discord:123` or `slack:U456` as a platform user.
 *
 * @throws Error saying what is accepted
 */
export function parseUser(text: string | undefined): Author {
  const match = /^(discord|slack):([A-Za-z0-9]+)$/.exec(text ?? "");
  if (!match?.[1] || !match[2]) {
    throw new Error(
      `${JSON.stringify(text ?? "")} is not a chat user; write discord:<user id> or slack:<user id>`,
    );
  }
  return { platform: match[1] as Author["platform"], userId: match[2] };
}
