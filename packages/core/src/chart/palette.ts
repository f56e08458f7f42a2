/** Colours by component kind, readable on white and by most colour-blind readers. */
export const palette = {
  attn: "#2563eb",
  mlp: "#ea580c",
  embed: "#6b7280",
  bias: "#9ca3af",
  text: "#111827",
  muted: "#6b7280",
  axis: "#d1d5db",
  background: "#ffffff",
  /** Raises the target's logit (diverging scales). */
  positive: "#c2410c",
  /** Lowers it. */
  negative: "#1d4ed8",
  /** Probability in the lens. */
  probability: "#047857",
} as const;
