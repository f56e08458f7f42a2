/**
 * The preview image is drawn with Inter only: characters Inter lacks are
 * replaced before rendering, so the renderer never fetches a fallback font.
 */
import type { ChartElement } from "@attrib/core";
import { describe, expect, it } from "vitest";

import { chartFonts } from "../src/og/chartFonts.ts";
import { fitToFonts } from "../src/og/fitToFonts.ts";

describe("the preview image's fonts", () => {
  it("know which characters Inter can draw, from its files", async () => {
    const { covered, fonts } = await chartFonts();
    const has = (character: string) => covered.has(character.codePointAt(0) ?? 0);

    expect(fonts).toHaveLength(14);
    expect(["A", "é", "ß", "Ω", "Ж", "−", "…", "·"].filter((c) => !has(c))).toEqual([]);
    expect(["日", "🙂", "≈", "\u0007"].filter(has)).toEqual([]);
  });

  it("replace what Inter lacks in every text of a chart, keeping the rest", async () => {
    const { covered } = await chartFonts();
    const chart: ChartElement = {
      type: "div",
      props: {
        style: { display: "flex" },
        children: [
          'After "Emoji 🙂 and 日本"',
          { type: "div", props: { children: "n/a (total ≈ 0)" } },
        ],
      },
    };

    expect(fitToFonts(chart, covered)).toEqual({
      type: "div",
      props: {
        style: { display: "flex" },
        children: [
          'After "Emoji ? and ??"',
          { type: "div", props: { children: "n/a (total ~ 0)" } },
        ],
      },
    });
  });
});
