import { quoteToken } from "../format/numbers.ts";

/** A token as text, quoted so that its spaces show: `" Jobs"`. */
export function TokenText({ token }: { token: string }) {
  return <span className="token">{quoteToken(token)}</span>;
}
