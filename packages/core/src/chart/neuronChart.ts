import type { AttributionResult, NeuronEntry } from "../attribution/types.ts";
import { chartFrame } from "./chartFrame.ts";
import { type ChartElement, h } from "./element.ts";
import { formatSigned, quoteToken, shorten } from "./formatNumber.ts";
import { pickTarget } from "./headHeatmap.ts";
import { palette } from "./palette.ts";

const BAR_WIDTH = 220;
const ROWS = 10;

function neuronRow(entry: NeuronEntry, maxAbs: number, color: string): ChartElement {
  const fixed = (width: number) => ({ width, flexShrink: 0 });
  return h("div", { flexDirection: "row", alignItems: "center", height: 36, gap: 10 }, [
    h("div", { ...fixed(110), fontSize: 17 }, `L${entry.layer} · n${entry.neuron}`),
    h("div", { ...fixed(BAR_WIDTH) }, [
      h("div", {
        width: Math.max(2, (Math.abs(entry.value) / maxAbs) * BAR_WIDTH),
        height: 18,
        backgroundColor: color,
      }),
    ]),
    h("div", { ...fixed(64), fontSize: 17 }, formatSigned(entry.value)),
    h(
      "div",
      { ...fixed(100), fontSize: 14, color: palette.muted },
      `act ${formatSigned(entry.activation, 1)}`,
    ),
  ]);
}

function column(title: string, entries: NeuronEntry[], maxAbs: number, color: string) {
  return h("div", { flexDirection: "column", width: 540 }, [
    h("div", { fontSize: 20, fontWeight: 700, marginBottom: 8 }, title),
    ...entries.slice(0, ROWS).map((entry) => neuronRow(entry, maxAbs, color)),
  ]);
}

/**
 * The MLP neurons that wrote the most for and against one target's logit,
 * over all layers, each with its activation.
 *
 * @param result - an attribution result with `neurons`
 * @param tokenId - which target (default: the first named, else the top one)
 */
export function neuronChart(result: AttributionResult, tokenId?: number): ChartElement {
  const neurons = pickTarget(result.neurons?.targets ?? [], result, tokenId);
  if (!neurons)
    throw new Error("the result has no per-neuron split; analyse with neurons on");
  const { positive, negative } = neurons.top;
  const maxAbs = Math.max(
    1e-9,
    ...[...positive, ...negative].map((e) => Math.abs(e.value)),
  );
  return chartFrame(
    `After ${quoteToken(shorten(result.prompt.text, 32))}: neurons writing ${quoteToken(neurons.token)}`,
    `${result.model.displayName} · direct contribution of single MLP neurons ` +
      `(act_i · W_down[:, i]) to the logit`,
    [
      h("div", { flexDirection: "row", gap: 24 }, [
        column("raise it", positive, maxAbs, palette.positive),
        column("lower it", negative, maxAbs, palette.negative),
      ]),
    ],
    `neurons add up to their MLP within ${neurons.sumError.toExponential(1)}`,
  );
}
