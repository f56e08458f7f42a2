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

/** Token id in the left padding; masked out, so any valid id would do. */
export const PAD_TOKEN_ID = 0;

/**
 * The attribution graph's inputs for rows sharing one list of lens depths
 * (docs/bundle-format.md). Prompts of different lengths are padded on the
 * left and masked, which the graph's positions ignore, so every row gives
 * the numbers it gives alone up to float32 rounding.
 *
 * @param rows - at least one; `extraTargetIds`, `detailColumns` and the
 *   component vectors of equal length across rows
 * @param lensDepths - residual depths to read through the lens; may be empty
 */
export function graphFeeds(
  rows: GraphRequest[],
  lensDepths: number[],
): Record<string, Feed> {
  const batch = rows.length;
  const seq = Math.max(...rows.map((row) => row.tokenIds.length));
  const padding = (row: GraphRequest) => seq - row.tokenIds.length;
  const int64 = (pick: (row: GraphRequest) => number[]): Feed => {
    const values = rows.flatMap(pick);
    return { values, dims: [batch, values.length / batch] };
  };
  const float32 = (pick: (row: GraphRequest) => number[]): Feed => {
    const values = rows.flatMap(pick);
    return { type: "float32", values, dims: [batch, values.length / batch] };
  };
  return {
    input_ids: int64((row) => [
      ...new Array<number>(padding(row)).fill(PAD_TOKEN_ID),
      ...row.tokenIds,
    ]),
    attention_mask: int64((row) => [
      ...new Array<number>(padding(row)).fill(0),
      ...row.tokenIds.map(() => 1),
    ]),
    extra_target_ids: int64((row) => row.extraTargetIds),
    detail_columns: int64((row) => row.detailColumns),
    lens_depths: { values: lensDepths, dims: [lensDepths.length] },
    component_scale: float32((row) => row.componentScale),
    component_mean_weight: float32((row) => row.componentMeanWeight),
  };
}
