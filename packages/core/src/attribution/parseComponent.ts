import type { Component } from "./types.ts";

const LAYER_COMPONENT = /^L(\d+)\.(attn|mlp)$/;

/** Reads a component name from the manifest: `embed`, `L3.attn`, `L3.mlp`, or a bias. */
export function parseComponent(name: string): Component {
  if (name === "embed") return { name, kind: "embed", layer: null };
  const match = LAYER_COMPONENT.exec(name);
  if (match?.[1] !== undefined && (match[2] === "attn" || match[2] === "mlp")) {
    return { name, kind: match[2], layer: Number(match[1]) };
  }
  return { name, kind: "bias", layer: null };
}
