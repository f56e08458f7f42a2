import {
  DEPTH_BINS,
  type DepthProfilePoint,
  type LayerProfilePoint,
} from "@attrib/store";

import type { ComponentKind } from "../analysis/chartTypes.ts";
import type {
  ProfilePoint,
  ProfileSeries,
} from "../components/statistics/ProfileChart.tsx";

const KINDS: ComponentKind[] = ["embed", "bias", "attn", "mlp"];

function bySeries(points: (ProfilePoint & { kind: ComponentKind })[]): ProfileSeries[] {
  return KINDS.map((kind) => ({
    kind,
    points: points.filter((p) => p.kind === kind),
  })).filter((series) => series.points.length > 0);
}

/** One model's components: x is the layer, the embedding and biases sit at −1. */
export function layerSeries(profile: LayerProfilePoint[]): ProfileSeries[] {
  return bySeries(
    profile.map((p) => ({
      kind: p.kind,
      x: p.layer ?? -1,
      name: p.component,
      mean: p.mean,
      q1: p.q1,
      q3: p.q3,
      count: p.count,
    })),
  );
}

/** Models of any depth together: x is the depth slice, 0 (first tenth) … 9. */
export function depthSeries(profile: DepthProfilePoint[]): ProfileSeries[] {
  return bySeries(
    profile.map((p) => ({
      kind: p.kind,
      x: p.depthBin ?? -1,
      name: p.depthBin === null ? p.kind : `${depthLabel(p.depthBin)} of the layers`,
      mean: p.mean,
      q1: p.q1,
      q3: p.q3,
      count: p.count,
    })),
  );
}

/** `0–10%`, `10–20%`, … for a depth slice. */
export function depthLabel(bin: number): string {
  const width = 100 / DEPTH_BINS;
  return `${bin * width}–${(bin + 1) * width}%`;
}

/** Axis labels for a model's layers: about eight, ending at the last layer. */
export function layerTicks(nLayers: number): { x: number; label: string }[] {
  const step = Math.max(1, Math.ceil(nLayers / 8));
  const last = nLayers - 1;
  // A tick too close to the last layer's would overlap its label.
  const layers = Array.from({ length: nLayers }, (_, layer) => layer).filter(
    (layer) => (layer % step === 0 && last - layer >= step / 2) || layer === last,
  );
  return [
    { x: -1, label: "emb" },
    ...layers.map((layer) => ({ x: layer, label: String(layer) })),
  ];
}

/** Axis labels for depth slices. */
export function depthTicks(): { x: number; label: string }[] {
  return [
    { x: -1, label: "emb" },
    ...Array.from({ length: DEPTH_BINS }, (_, bin) => ({
      x: bin,
      label: `${bin * 10}%`,
    })),
  ];
}
