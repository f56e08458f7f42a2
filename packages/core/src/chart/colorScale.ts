import { palette } from "./palette.ts";

function channels(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/** The colour `t` ∈ [0, 1] of the way from white to `hex`. */
export function tint(hex: string, t: number): string {
  const clamped = Math.min(1, Math.max(0, t));
  const mixed = channels(hex).map((c) => Math.round(255 + (c - 255) * clamped));
  return `#${mixed.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

/** Diverging scale: positive values toward the MLP orange, negative toward the attention blue. */
export function divergingColor(value: number, maxAbs: number): string {
  if (!(maxAbs > 0)) return palette.background;
  return tint(value >= 0 ? palette.positive : palette.negative, Math.abs(value) / maxAbs);
}
