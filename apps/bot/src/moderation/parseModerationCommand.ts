/** A moderation command typed as `/attrib <verb> …`. */
export type ModerationCommand =
  | { kind: "delete" | "deletelink" | "hide" | "unhide"; analysisId: string }
  | {
      kind: "block" | "unblock";
      subjectKind: "user" | "server";
      subjectId: string;
      reason: string | null;
    }
  | { kind: "publish"; publish: boolean };

const ANALYSIS_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** A bare id, or a dashboard link ending in one, maybe in Slack's `<url|label>`. */
const ANALYSIS_REFERENCE = new RegExp(
  `^<?(?:\\S*/analyses/)?(${ANALYSIS_ID})(?:[|>?#]\\S*)?$`,
  "i",
);

const ANALYSIS_VERBS = new Set(["delete", "deletelink", "hide", "unhide"]);

function parseAnalysisCommand(verb: string, rest: string): ModerationCommand | null {
  const match = ANALYSIS_REFERENCE.exec(rest);
  if (!match?.[1]) return null;
  return {
    kind: verb as "delete" | "deletelink" | "hide" | "unhide",
    analysisId: match[1].toLowerCase(),
  };
}

function parseBlockCommand(verb: string, rest: string): ModerationCommand | null {
  const match = /^(user|server)\s+([A-Za-z0-9]{1,64})(?:\s+(.+))?$/i.exec(rest);
  if (!match?.[1] || !match[2]) return null;
  return {
    kind: verb as "block" | "unblock",
    subjectKind: match[1].toLowerCase() as "user" | "server",
    subjectId: match[2],
    reason: match[3]?.trim() || null,
  };
}

/**
 * Reads a moderation command from the text of `/attrib`. Only an exact
 * shape counts (`delete <link or id>`, `block user <id> [reason]`,
 * `publish off`), so a prompt that merely starts with such a word, like
 * "hide and seek", stays a prompt.
 *
 * @returns the command, or null when the text is a prompt
 */
export function parseModerationCommand(text: string): ModerationCommand | null {
  const match = /^(\S+)\s*(.*)$/s.exec(text.trim());
  if (!match) return null;
  const verb = (match[1] ?? "").toLowerCase();
  const rest = (match[2] ?? "").trim();
  if (ANALYSIS_VERBS.has(verb)) return parseAnalysisCommand(verb, rest);
  if (verb === "block" || verb === "unblock") return parseBlockCommand(verb, rest);
  if (verb === "publish" && /^(on|off)$/i.test(rest)) {
    return { kind: "publish", publish: rest.toLowerCase() === "on" };
  }
  return null;
}
