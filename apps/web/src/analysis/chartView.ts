import type { ChartData, ChartSplit } from "./chartTypes.ts";

export type SplitMethod = "raw" | "centered" | "rough" | "difference";
export type Measure = "contribution" | "signed" | "absolute";

export const methodLabels: Record<SplitMethod, string> = {
  raw: "Raw logit",
  centered: "Centered logit",
  rough: "Rough method",
  difference: "Top-1 − top-2",
};

/** One sentence per method, shown under the switch so the chart reads without docs. */
export const methodHelp: Record<SplitMethod, string> = {
  raw:
    "Exact: each component's write through the final norm (its scale frozen) " +
    "onto the token's unembedding row. The bars add up to the model's logit.",
  centered:
    "Exact, against the token's unembedding row minus the mean row: leaves out " +
    "what raises every token alike, which softmax ignores.",
  rough:
    "The original quick method: each pre-norm write dotted with the normalized " +
    "embedding row, ignoring the final norm. Kept for comparison.",
  difference:
    "Exact split of the logit of the top token minus that of the second: what " +
    "made the model prefer one over the other.",
};

export const measureLabels: Record<Measure, string> = {
  contribution: "Contribution",
  signed: "Signed share",
  absolute: "Absolute share",
};

export const measureHelp: Record<Measure, string> = {
  contribution: "in logits",
  signed: "contribution ÷ total; can be negative or above 100%",
  absolute: "|contribution| ÷ Σ|contribution|; always 0–100%",
};

/** What the chart draws for one choice of target, method and measure. */
export interface ChartView {
  split: ChartSplit;
  /** One bar per component. */
  values: number[];
  /** The measure drawn: contributions when signed shares are undefined. */
  measure: Measure;
  /** Why the measure asked for is not drawn, or null. */
  note: string | null;
}

/** The split of the chosen target (or the top-1 − top-2 difference) and the bars it gives. */
export function chartView(
  data: ChartData,
  targetIndex: number,
  method: SplitMethod,
  measure: Measure,
): ChartView | null {
  const split =
    method === "difference"
      ? data.difference?.split
      : data.targets[targetIndex]?.splits[method];
  if (!split) return null;
  if (measure === "absolute") {
    return { split, values: split.absoluteShares, measure, note: null };
  }
  if (measure === "signed") {
    if (split.signedShares)
      return { split, values: split.signedShares, measure, note: null };
    return {
      split,
      values: split.values,
      measure: "contribution",
      note:
        `Signed shares are undefined here: the total (${split.total.toFixed(3)}) is ` +
        "too near zero for a share of it to mean anything. Showing contributions.",
    };
  }
  return { split, values: split.values, measure, note: null };
}
