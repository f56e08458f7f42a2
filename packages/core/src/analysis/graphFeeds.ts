import type { Feed } from "../inference/backend.ts";

/** One row of a graph run: what to analyse and which components to edit. */
export interface GraphRequest {
  tokenIds: number[];
  /** Extra targets after the top `topKMax`; at least one. */
  extraTargetIds: number[];
  /** Target columns that get heads, neurons and the lens; may be empty. */
  detailColumns: number[];
  /** Per component: factor on its write (1 keeps it, 0 removes it). */
  componentScale: number[];
  /** Per component: weight of its stored mean write added in its place. */
  componentMeanWeight: number[];
}

/**
 * The attribution graph's inputs for equally long rows sharing one list
 * of lens depths (docs/bundle-format.md).
 *
 * @param rows - at least one; every field of equal length across rows
 * @param lensDepths - residual depths to read through the lens; may be empty
 */
export function graphFeeds(
  rows: GraphRequest[],
  lensDepths: number[],
): Record<string, Feed> {
  const batch = rows.length;
  const int64 = (pick: (row: GraphRequest) => number[]): Feed => {
    const values = rows.flatMap(pick);
    return { values, dims: [batch, values.length / batch] };
  };
  const float32 = (pick: (row: GraphRequest) => number[]): Feed => {
    const values = rows.flatMap(pick);
    return { type: "float32", values, dims: [batch, values.length / batch] };
  };
  return {
    input_ids: int64((row) => row.tokenIds),
    attention_mask: int64((row) => row.tokenIds.map(() => 1)),
    extra_target_ids: int64((row) => row.extraTargetIds),
    detail_columns: int64((row) => row.detailColumns),
    lens_depths: { values: lensDepths, dims: [lensDepths.length] },
    component_scale: float32((row) => row.componentScale),
    component_mean_weight: float32((row) => row.componentMeanWeight),
  };
}
