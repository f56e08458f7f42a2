import type { AttribCommand } from "../command/AttribCommand.ts";

/** One `name:value` option at the end of the text; values may be quoted. */
const TRAILING_OPTION = /(?:^|\s+)(model|target|k):("(?:[^"\\]|\\.)*"|\S+)\s*$/i;

/** Slack sends `&`, `<` and `>` in command text as HTML entities. */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * Splits Slack's free text into the same options Discord delivers apart:
 * `Steve model:smollm2-135m-instruct target:" Jobs" k:3`. Options are read
 * from the end only, so a prompt may itself contain a colon.
 */
export function parseSlackCommandText(raw: string): AttribCommand {
  const command: AttribCommand = { text: "", model: null, target: null, k: null };
  let rest = unescapeSlack(raw).trim();
  for (
    let match = TRAILING_OPTION.exec(rest);
    match;
    match = TRAILING_OPTION.exec(rest)
  ) {
    const [whole, name = "", value = ""] = match;
    const key = name.toLowerCase();
    if (key === "k") command.k = Number.isFinite(Number(value)) ? Number(value) : NaN;
    else if (key === "model") command.model = value;
    else command.target = value;
    rest = rest.slice(0, rest.length - whole.length).trimEnd();
  }
  command.text = rest.replace(/^text:\s*/i, "");
  return command;
}
