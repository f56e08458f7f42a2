const BACKSPACE = "\u0008";

/**
 * A fortune as plain running text: terminal overstrike (`_` backspace `x`
 * for an underlined x) and other control characters removed, the indented
 * `-- Author` attribution dropped, and all whitespace, line breaks
 * included, collapsed to single spaces.
 */
export function cleanFortune(text: string): string {
  const lines = printable(text).split("\n");
  const attribution = lines.findIndex((line) => /^\s+--\s*\S/.test(line));
  const kept = attribution >= 0 ? lines.slice(0, attribution) : lines;
  return kept.join(" ").replace(/\s+/g, " ").trim();
}

/** Applies backspaces as a terminal would, then drops control characters but line breaks and tabs. */
function printable(text: string): string {
  const kept: string[] = [];
  for (const character of text) {
    if (character === BACKSPACE) kept.pop();
    else kept.push(character);
  }
  return kept
    .filter((character) => {
      const code = character.codePointAt(0) ?? 0;
      return character === "\n" || character === "\t" || (code >= 32 && code !== 127);
    })
    .join("");
}
