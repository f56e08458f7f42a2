import type { ChartElement, ChartNode } from "@attrib/core";

/** Stand-ins for characters core's chart writes that Inter's subsets lack. */
const STAND_INS: Record<string, string> = { "≈": "~", "\u2009": " " };

/** What a character that no font can draw becomes. */
const MISSING = "?";

function fitText(text: string, covered: ReadonlySet<number>): string {
  let fitted = "";
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (character === "\n" || character === "\t") fitted += " ";
    else if (covered.has(code)) fitted += character;
    else fitted += STAND_INS[character] ?? MISSING;
  }
  return fitted;
}

function fitNode(node: ChartNode, covered: ReadonlySet<number>): ChartNode {
  return typeof node === "string" ? fitText(node, covered) : fitToFonts(node, covered);
}

/**
 * A copy of a chart whose text uses only characters the given fonts draw.
 * The image renderer fetches a fallback font from the internet for any
 * character its fonts lack (emoji, CJK, symbols); the dashboard must not
 * reach out, so such characters are replaced before rendering.
 *
 * @param covered - code points the chart's fonts have glyphs for
 */
export function fitToFonts(
  element: ChartElement,
  covered: ReadonlySet<number>,
): ChartElement {
  const { children } = element.props;
  return {
    type: element.type,
    props: {
      ...element.props,
      children: Array.isArray(children)
        ? children.map((child) => fitNode(child, covered))
        : children === undefined
          ? children
          : fitNode(children, covered),
    },
  };
}
