/**
 * What the interactive chart receives: plain numbers the server takes from
 * an analysis, small enough to send to the browser with the page.
 */

export type ComponentKind = "embed" | "attn" | "mlp" | "bias";

export interface ChartComponent {
  /** `embed`, `L3.attn`, `L3.mlp`, … */
  name: string;
  kind: ComponentKind;
  layer: number | null;
}

/** One method's split of one quantity over the components. */
export interface ChartSplit {
  values: number[];
  total: number;
  /** Null where the total is too near zero for a signed share to mean anything. */
  signedShares: number[] | null;
  absoluteShares: number[];
}

/** One attention head's direct contribution to a target's logit. */
export interface HeadContribution {
  layer: number;
  head: number;
  value: number;
}

/** One MLP neuron's direct contribution to a target's logit. */
export interface NeuronContribution {
  layer: number;
  neuron: number;
  value: number;
}

/** The logit lens at one depth: what the residual so far would predict. */
export interface LensLayer {
  /** Layers applied: 0 is the embedding alone. */
  layer: number;
  /** `embed`, or `L3` for the residual after layer 3. */
  label: string;
  topToken: string;
  /** The final targets' rank and probability at this layer. */
  targets: { token: string; rank: number; probability: number }[];
}

export interface ChartTarget {
  token: string;
  rank: number;
  probability: number;
  logit: number;
  source: "top" | "named" | "top+named";
  identityError: number;
  splits: { raw: ChartSplit; centered: ChartSplit; rough: ChartSplit };
  /** Present only when the analysis was run with per-head attribution. */
  heads: HeadContribution[] | null;
  /** Present only when the analysis was run with per-neuron attribution (top neurons). */
  neurons: NeuronContribution[] | null;
}

export interface ChartData {
  components: ChartComponent[];
  targets: ChartTarget[];
  /** Top-1 minus top-2 logit, split the same way. */
  difference: { positive: string; negative: string; split: ChartSplit } | null;
  /** Index of the target shown first. */
  focus: number;
  /** Index of the final MLP among the components, or −1. */
  finalMlp: number;
  lens: LensLayer[] | null;
}
