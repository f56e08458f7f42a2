/** What kind of write to the residual stream a component is. */
export type ComponentKind = "embed" | "attn" | "mlp" | "bias";

export interface Component {
  /** `embed`, `L0.attn`, `L0.mlp`, … as in the bundle manifest. */
  name: string;
  kind: ComponentKind;
  /** Layer index, or null for the embedding and biases. */
  layer: number | null;
}

/** How a contribution was measured. */
export type AttributionMethod = "raw" | "centered" | "rough" | "difference";

/**
 * One method's split of one quantity (a logit, a centered logit, a logit
 * difference) over all components, with its shares.
 */
export interface ContributionSet {
  method: AttributionMethod;
  /** One value per component, in component order. */
  values: number[];
  /** Σ values. For `raw` it equals the model's logit up to rounding. */
  total: number;
  /**
   * value / total per component; can be negative or above 1. Null when the
   * total is near zero relative to the absolute mass, where such a share
   * means nothing.
   */
  signedShares: number[] | null;
  /** |value| / Σ|value| per component; always in [0, 1]. */
  absoluteShares: number[];
  positiveMass: number;
  negativeMass: number;
}

export interface TargetAttribution {
  tokenId: number;
  /** The token's text, e.g. " Jobs". */
  token: string;
  /** 1 for the most likely next token. */
  rank: number;
  logit: number;
  probability: number;
  /** Whether it is among the top k, named by the user, or both. */
  source: "top" | "named" | "top+named";
  raw: ContributionSet;
  centered: ContributionSet;
  rough: ContributionSet;
  /** |Σ raw contributions − logit|: how exactly the split adds up. */
  identityError: number;
}

export interface LogitDifference {
  positive: { tokenId: number; token: string };
  negative: { tokenId: number; token: string };
  attribution: ContributionSet;
}

/** One attention head's direct contribution to a target's logit. */
export interface HeadEntry {
  layer: number;
  head: number;
  value: number;
}

export interface TargetHeads {
  tokenId: number;
  token: string;
  /**
   * `[layer][head]`: what head `h` of layer `l` wrote (`z_h W_O[h]`, any
   * post-attention norm's scale frozen), projected like its layer.
   */
  values: number[][];
  /** The largest positive and most negative heads, strongest first. */
  top: { positive: HeadEntry[]; negative: HeadEntry[] };
  /** max over layers of |Σ_h values − the layer's attention contribution|. */
  sumError: number;
}

export interface HeadAttribution {
  nHeads: number;
  targets: TargetHeads[];
  /** The largest `sumError` over all targets. */
  sumError: number;
}

/** One MLP neuron's direct contribution to a target's logit. */
export interface NeuronEntry {
  layer: number;
  neuron: number;
  /** Its activation `act(gate) · up` at the last position. */
  activation: number;
  value: number;
}

export interface TargetNeurons {
  tokenId: number;
  token: string;
  /** The largest positive and most negative neurons over all layers. */
  top: { positive: NeuronEntry[]; negative: NeuronEntry[] };
  /** max over layers of |Σ_i neuron values − the layer's MLP contribution|. */
  sumError: number;
}

export interface NeuronAttribution {
  dMlp: number;
  targets: TargetNeurons[];
  /** The largest `sumError` over all targets. */
  sumError: number;
}

/** The logit lens at one depth of the residual stream. */
export interface LensDepth {
  /** Layers applied: 0 is the embedding alone, nLayers the model's output. */
  depth: number;
  /** `embed`, or `L3` for the residual after layer 3. */
  label: string;
  topTokenId: number;
  topToken: string;
  topProbability: number;
  /** One entry per analysed target, in the order of `lens.targets`. */
  targets: { tokenId: number; logit: number; probability: number; rank: number }[];
}

export interface LogitLens {
  /** The targets followed across depths. */
  targets: { tokenId: number; token: string }[];
  depths: LensDepth[];
  /** Per target, the first depth from which it stays the top token, or null. */
  settlesAt: (number | null)[];
}

/** What removing one component did to one target. */
export interface AblationEffect {
  tokenId: number;
  token: string;
  logit: number;
  ablatedLogit: number;
  /** Total effect: ablated − clean logit, everything downstream recomputed. */
  logitChange: number;
  probability: number;
  ablatedProbability: number;
  probabilityChange: number;
  /**
   * Direct effect: the change the component's own direct write accounts
   * for with the final-norm scale frozen (−contribution for zero ablation,
   * −(contribution − the mean write's contribution) for mean ablation).
   */
  directEffect: number;
}

export type AblationMode = "zero" | "mean";

export interface Ablation {
  component: string;
  mode: AblationMode;
  /** The most likely next token once the component is removed. */
  topTokenId: number;
  topToken: string;
  targets: AblationEffect[];
}

export interface AttributionResult {
  model: {
    name: string;
    displayName: string;
    architecture: string;
    nLayers: number;
    tiedEmbeddings: boolean;
    finalLogitSoftcap: number | null;
  };
  prompt: { text: string; tokenIds: number[]; tokens: string[] };
  components: Component[];
  /** s = sqrt(mean(x²) + ε) of the full residual, frozen for the split. */
  finalNormScale: number;
  targets: TargetAttribution[];
  /** Top-1 minus top-2 logit, split the same way. */
  topDifference: LogitDifference | null;
  /** The largest identity error over all targets. */
  identityError: number;
  timings: { tokenizeMs: number; inferenceMs: number; totalMs: number };
  /** Per-head split of every attention layer, when asked for. */
  heads?: HeadAttribution;
  /** Top neurons of every MLP layer, when asked for. */
  neurons?: NeuronAttribution;
  /** The logit lens at every depth, when asked for. */
  lens?: LogitLens;
  /** Zero or mean ablations, when asked for. */
  ablations?: Ablation[];
  /** The difference of two named tokens' logits, split over components. */
  logitDifference?: LogitDifference;
}
