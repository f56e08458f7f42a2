import type { AttributionResult, TargetHeads } from "../attribution/types.ts";
import { chartFrame } from "./chartFrame.ts";
import { divergingColor } from "./colorScale.ts";
import { type ChartElement, h } from "./element.ts";
import { formatSigned, quoteToken, shorten } from "./formatNumber.ts";
import { palette } from "./palette.ts";

const GRID_WIDTH = 1000;
const GRID_HEIGHT = 380;
const LABEL_WIDTH = 70;

function cell(
  value: number,
  maxAbs: number,
  width: number,
  height: number,
): ChartElement {
  return h("div", {
    width,
    height,
    backgroundColor: divergingColor(value, maxAbs),
    borderRight: `1px solid ${palette.background}`,
    borderBottom: `1px solid ${palette.background}`,
  });
}

function grid(heads: TargetHeads, nHeads: number): ChartElement {
  const nLayers = heads.values.length;
  const maxAbs = Math.max(1e-9, ...heads.values.flat().map(Math.abs));
  const width = Math.floor(GRID_WIDTH / nLayers);
  const height = Math.min(48, Math.floor(GRID_HEIGHT / nHeads));
  const label = (text: string, style: Record<string, string | number> = {}) =>
    h(
      "div",
      { fontSize: 13, color: palette.muted, justifyContent: "center", ...style },
      text,
    );

  const rows = Array.from({ length: nHeads }, (_, head) =>
    h("div", { flexDirection: "row", alignItems: "center" }, [
      label(`head ${head}`, { width: LABEL_WIDTH, justifyContent: "flex-start" }),
      ...heads.values.map((row) => cell(row[head] ?? 0, maxAbs, width, height)),
    ]),
  );
  const every = nLayers > 20 ? 5 : 1;
  const axis = h("div", { flexDirection: "row" }, [
    label("layer", { width: LABEL_WIDTH, justifyContent: "flex-start" }),
    ...heads.values.map((_, layer) =>
      label(layer % every === 0 ? String(layer) : "", { width }),
    ),
  ]);
  return h("div", { flexDirection: "column" }, [...rows, axis]);
}

/**
 * Layer × head heatmap of each head's direct contribution to one target's
 * logit: orange raises it, blue lowers it, deeper is stronger.
 *
 * @param result - an attribution result with `heads`
 * @param tokenId - which target (default: the first named, else the top one)
 */
export function headHeatmap(result: AttributionResult, tokenId?: number): ChartElement {
  const heads = pickTarget(result.heads?.targets ?? [], result, tokenId);
  if (!heads || !result.heads) {
    throw new Error("the result has no per-head split; analyse with heads on");
  }
  const strongest = heads.top.positive
    .slice(0, 3)
    .map((e) => `L${e.layer}.h${e.head} ${formatSigned(e.value)}`)
    .join(", ");
  return chartFrame(
    `After ${quoteToken(shorten(result.prompt.text, 32))}: heads writing ${quoteToken(heads.token)}`,
    `${result.model.displayName} · direct contribution of each attention head to the logit` +
      (strongest ? ` · strongest: ${strongest}` : ""),
    [grid(heads, result.heads.nHeads)],
    `orange raises the logit, blue lowers it, the deepest colour is ±` +
      `${Math.max(...heads.values.flat().map(Math.abs)).toFixed(2)} · heads add up to ` +
      `their layer within ${heads.sumError.toExponential(1)}`,
  );
}

/** The entry for `tokenId`, else the first named target's, else the first. */
export function pickTarget<T extends { tokenId: number }>(
  entries: T[],
  result: AttributionResult,
  tokenId?: number,
): T | undefined {
  const named = result.targets.find((t) => t.source !== "top")?.tokenId;
  const wanted = tokenId ?? named;
  return entries.find((e) => e.tokenId === wanted) ?? entries[0];
}
