import { finalMlpIndex, shareOf } from "../attribution/finalMlp.ts";
import type {
  AttributionResult,
  Component,
  TargetAttribution,
} from "../attribution/types.ts";
import { type ChartElement, type ChartNode, h } from "./element.ts";
import {
  formatProbability,
  formatShare,
  formatSigned,
  quoteToken,
  shorten,
} from "./formatNumber.ts";
import { palette } from "./palette.ts";

export const CHART_WIDTH = 1200;
export const CHART_HEIGHT = 630;

const PLOT_HEIGHT = 360;
const PLOT_WIDTH = 1080;

interface LayerColumn {
  label: string;
  bars: { value: number; color: string }[];
}

/** Groups components into one column per layer (attn, mlp) plus embed and biases. */
function layerColumns(components: Component[], values: number[]): LayerColumn[] {
  const columns = new Map<string, LayerColumn>();
  components.forEach((component, i) => {
    const key = component.layer === null ? component.name : `L${component.layer}`;
    const label = component.layer === null ? component.name : String(component.layer);
    const column = columns.get(key) ?? { label, bars: [] };
    column.bars.push({ value: values[i] ?? 0, color: palette[component.kind] });
    columns.set(key, column);
  });
  return [...columns.values()];
}

function bar(height: number, width: number, color: string): ChartElement {
  return h("div", { width, height: Math.max(0, height), backgroundColor: color });
}

function plot(columns: LayerColumn[]): ChartElement {
  const values = columns.flatMap((column) => column.bars.map((b) => b.value));
  const maxPositive = Math.max(1e-9, ...values);
  const maxNegative = Math.max(1e-9, ...values.map((v) => -v));
  const unit = PLOT_HEIGHT / (maxPositive + maxNegative);
  const columnWidth = PLOT_WIDTH / columns.length;
  const barWidth = Math.max(2, Math.floor((columnWidth - 4) / 2));

  const half = (sign: 1 | -1, column: LayerColumn): ChartElement =>
    h(
      "div",
      {
        display: "flex",
        height: (sign > 0 ? maxPositive : maxNegative) * unit,
        alignItems: sign > 0 ? "flex-end" : "flex-start",
        justifyContent: "center",
        gap: 1,
      },
      column.bars.map((b) => bar(Math.max(0, sign * b.value) * unit, barWidth, b.color)),
    );

  const showLabel = (i: number) => i === 0 || columns.length <= 20 || (i - 1) % 5 === 0;
  const layerColumn = (column: LayerColumn, i: number): ChartElement =>
    h("div", { flexDirection: "column", width: columnWidth }, [
      half(1, column),
      h("div", { height: 1, backgroundColor: palette.axis }),
      half(-1, column),
      h(
        "div",
        { justifyContent: "center", fontSize: 14, color: palette.muted },
        showLabel(i) ? column.label : "",
      ),
    ]);
  const scaleLabel = (value: number, offset: Record<string, number>): ChartElement =>
    h(
      "div",
      {
        position: "absolute",
        right: PLOT_WIDTH + 6,
        fontSize: 14,
        color: palette.muted,
        ...offset,
      },
      formatSigned(value, 1),
    );

  return h("div", { position: "relative", flexDirection: "row", width: PLOT_WIDTH }, [
    scaleLabel(maxPositive, { top: -8 }),
    scaleLabel(-maxNegative, { top: PLOT_HEIGHT - 8 }),
    ...columns.map(layerColumn),
  ]);
}

function legendItem(color: string, label: string): ChartElement {
  return h("div", { display: "flex", alignItems: "center", gap: 6 }, [
    h("div", { width: 14, height: 14, backgroundColor: color }),
    h("div", { display: "flex" }, label),
  ]);
}

/**
 * The per-layer chart of one target: a signed bar per attention and MLP
 * layer, coloured by kind, with the prompt, token and final MLP's share.
 *
 * @param result - an attribution result
 * @param target - which of its targets to draw (default: the top token)
 */
export function layerChart(
  result: AttributionResult,
  target?: TargetAttribution,
): ChartElement {
  const shown = target ?? result.targets[0];
  if (!shown) throw new Error("an attribution result with no targets cannot be charted");

  const mlp = finalMlpIndex(result);
  const mlpShare = shareOf(shown.raw, mlp);
  const mlpName = result.components[mlp]?.name ?? "final MLP";
  const probability = `${formatProbability(shown.probability)} (rank ${shown.rank})`;
  const children: ChartNode[] = [
    h("div", { display: "flex", fontSize: 34, fontWeight: 700, color: palette.text }, [
      `After ${quoteToken(shorten(result.prompt.text, 40))}: ${quoteToken(shown.token)} ${probability}`,
    ]),
    h("div", { display: "flex", fontSize: 20, color: palette.muted, marginTop: 6 }, [
      `${result.model.displayName} · exact direct contribution to the logit ` +
        `(${shown.logit.toFixed(2)}), final-norm scale frozen`,
    ]),
    h("div", { display: "flex", fontSize: 24, color: palette.text, marginTop: 14 }, [
      `Final MLP (${mlpName}): ${formatSigned(mlpShare.value)} = ` +
        `${formatShare(mlpShare.signedShare)} of the logit, ` +
        `${formatShare(mlpShare.absoluteShare)} of absolute contribution`,
    ]),
    h("div", { display: "flex", marginTop: 18 }, [
      plot(layerColumns(result.components, shown.raw.values)),
    ]),
    h(
      "div",
      { display: "flex", gap: 28, fontSize: 18, color: palette.text, marginTop: 10 },
      [
        legendItem(palette.attn, "attention"),
        legendItem(palette.mlp, "MLP"),
        legendItem(palette.embed, "embedding"),
        h("div", { display: "flex", color: palette.muted }, [
          `x: layer · bars sum to the logit, identity error ${shown.identityError.toExponential(1)}`,
        ]),
      ],
    ),
  ];

  return h(
    "div",
    {
      display: "flex",
      flexDirection: "column",
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      padding: "36px 60px",
      backgroundColor: palette.background,
      fontFamily: "Inter",
    },
    children,
  );
}
