import type { TargetAttribution } from "./types.ts";

/** A reported target together with its column among the graph's detail targets. */
export interface DetailTarget {
  target: TargetAttribution;
  /** Index into the detail axis (D) of the graph's detail outputs. */
  detail: number;
}

/** Component index of each layer's attention and MLP, by layer. */
export interface LayerComponents {
  attn: number[];
  mlp: number[];
}

/** Finds `L{l}.attn` and `L{l}.mlp` among the manifest's component names. */
export function layerComponents(
  names: readonly string[],
  nLayers: number,
): LayerComponents {
  const find = (name: string) => names.indexOf(name);
  const layers = Array.from({ length: nLayers }, (_, l) => l);
  return {
    attn: layers.map((l) => find(`L${l}.attn`)),
    mlp: layers.map((l) => find(`L${l}.mlp`)),
  };
}

/**
 * The `count` largest positive and most negative entries, strongest first.
 *
 * @param entries - candidates with a `value`
 */
export function strongest<T extends { value: number }>(
  entries: T[],
  count: number,
): { positive: T[]; negative: T[] } {
  const sorted = [...entries].sort((a, b) => b.value - a.value);
  return {
    positive: sorted.filter((e) => e.value > 0).slice(0, count),
    negative: sorted
      .filter((e) => e.value < 0)
      .reverse()
      .slice(0, count),
  };
}
