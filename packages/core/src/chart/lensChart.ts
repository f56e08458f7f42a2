import type { AttributionResult, LogitLens } from "../attribution/types.ts";
import { chartFrame } from "./chartFrame.ts";
import { tint } from "./colorScale.ts";
import { type ChartElement, h } from "./element.ts";
import { formatRank, quoteToken, shorten } from "./formatNumber.ts";
import { palette } from "./palette.ts";

const GRID_WIDTH = 960;
const LABEL_WIDTH = 128;
const MAX_TARGETS = 8;
/** Probabilities below 10^-6 get the palest colour. */
const LOG_FLOOR = -6;

function shade(probability: number): string {
  const log = Math.log10(Math.max(probability, 10 ** LOG_FLOOR));
  return tint(palette.probability, 1 - log / LOG_FLOOR);
}

function label(text: string, width: number, style: Record<string, string | number> = {}) {
  return h("div", { width, fontSize: 13, justifyContent: "center", ...style }, text);
}

function rows(lens: LogitLens, width: number): ChartElement[] {
  const header = h("div", { flexDirection: "row", height: 30, alignItems: "flex-end" }, [
    label("top token", LABEL_WIDTH, {
      justifyContent: "flex-start",
      color: palette.muted,
    }),
    ...lens.depths.map((d) => label(shorten(d.topToken.trim() || "·", 5), width)),
  ]);
  const targets = lens.targets.slice(0, MAX_TARGETS).map((target, i) =>
    h("div", { flexDirection: "row", height: 34 }, [
      label(shorten(quoteToken(target.token), 14), LABEL_WIDTH, {
        justifyContent: "flex-start",
        fontSize: 15,
        alignItems: "center",
      }),
      ...lens.depths.map((d) => {
        const entry = d.targets[i];
        const probability = entry?.probability ?? 0;
        return label(formatRank(entry?.rank ?? NaN), width, {
          alignItems: "center",
          backgroundColor: shade(probability),
          color: probability > 0.1 ? palette.background : palette.text,
          borderRight: `1px solid ${palette.background}`,
        });
      }),
    ]),
  );
  const every = lens.depths.length > 20 ? 5 : 1;
  const axis = h("div", { flexDirection: "row", marginTop: 4 }, [
    label("depth", LABEL_WIDTH, { justifyContent: "flex-start", color: palette.muted }),
    ...lens.depths.map((d) =>
      label(d.depth % every === 0 ? d.label : "", width, { color: palette.muted }),
    ),
  ]);
  return [header, ...targets, axis];
}

/**
 * Each target's rank (text) and probability (colour) when the residual
 * after each layer is read through the final norm and the unembedding.
 *
 * @param result - an attribution result with `lens`
 */
export function lensChart(result: AttributionResult): ChartElement {
  const lens = result.lens;
  if (!lens) throw new Error("the result has no logit lens; analyse with lens on");
  const width = Math.floor(GRID_WIDTH / lens.depths.length);
  const settled = lens.targets
    .slice(0, 3)
    .map((t, i) => {
      const depth = lens.settlesAt[i];
      const where =
        depth === null || depth === undefined
          ? "never top"
          : `top from ${lens.depths[depth]?.label ?? ""}`;
      return `${quoteToken(t.token)} ${where}`;
    })
    .join(" · ");
  return chartFrame(
    `After ${quoteToken(shorten(result.prompt.text, 40))}: the logit lens`,
    `${result.model.displayName} · ${settled}`,
    rows(lens, width),
    `cell: the token's rank at that depth; colour: its probability (darker is likelier, ` +
      `log scale down to 1e${LOG_FLOOR}); final norm recomputed for each residual`,
  );
}
