import type { PromptGraphOutputs } from "./attributeTargets.ts";
import { type DetailTarget, type LayerComponents, strongest } from "./detailTargets.ts";
import type { HeadAttribution, HeadEntry, TargetHeads } from "./types.ts";

interface HeadLayout {
  nLayers: number;
  nHeads: number;
  /** D, the detail axis of the graph's outputs. */
  nDetail: number;
}

/**
 * Each target's per-head contributions, its strongest heads, and how
 * exactly the heads add up to their layer.
 *
 * @param outputs - one prompt's graph outputs, with detail columns
 * @param targets - the reported targets and their detail columns
 * @param top - how many heads to list each way
 */
export function headAttribution(
  outputs: PromptGraphOutputs,
  layout: HeadLayout,
  layers: LayerComponents,
  targets: DetailTarget[],
  top: number,
): HeadAttribution {
  const { nLayers, nHeads, nDetail } = layout;
  const perTarget = targets.map(({ target, detail }): TargetHeads => {
    const values: number[][] = [];
    let sumError = 0;
    for (let l = 0; l < nLayers; l++) {
      const row: number[] = [];
      for (let h = 0; h < nHeads; h++) {
        const at = (l * nHeads + h) * nDetail + detail;
        row.push(outputs.headContributions[at] ?? NaN);
      }
      const layer = target.raw.values[layers.attn[l] ?? -1] ?? NaN;
      const sum = row.reduce((a, b) => a + b, 0);
      sumError = Math.max(sumError, Math.abs(sum - layer));
      values.push(row);
    }
    const entries: HeadEntry[] = values.flatMap((row, layer) =>
      row.map((value, head) => ({ layer, head, value })),
    );
    const { tokenId, token } = target;
    return { tokenId, token, values, top: strongest(entries, top), sumError };
  });
  return {
    nHeads,
    targets: perTarget,
    sumError: Math.max(0, ...perTarget.map((t) => t.sumError)),
  };
}
