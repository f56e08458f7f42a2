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
}
