import type { ComponentKind } from "../analysis/chartTypes.ts";

/** The colours core's chart image uses, so the page and the preview agree. */
export const kindColors: Record<ComponentKind, string> = {
  attn: "#2563eb",
  mlp: "#ea580c",
  embed: "#6b7280",
  bias: "#9ca3af",
};

export const kindNames: Record<ComponentKind, string> = {
  attn: "attention",
  mlp: "MLP",
  embed: "embedding",
  bias: "bias",
};
