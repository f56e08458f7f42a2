import type { AblationMode } from "@attrib/core";
import { type AnalysisMeasures, shareMethods } from "@attrib/study";

/** One flat row per analysis, for spreadsheets: empty where a measure is undefined. */
export type MeasureRow = Record<string, string | number | boolean | null>;

const ABLATION_MODES: AblationMode[] = ["zero", "mean"];

/** The columns of {@link measureRow}, in order. */
export const MEASURE_COLUMNS: string[] = [
  "model",
  "tied_embeddings",
  "n_layers",
  "prompt_id",
  "prompt_source",
  "prompt_tokens",
  "identity_error",
  "top1_token_id",
  "top1_token",
  "top1_logit",
  "top1_probability",
  ...shareMethods.flatMap((method) =>
    ["value", "total", "signed_share", "absolute_share"].map(
      (field) => `final_mlp_${method}_${field}`,
    ),
  ),
  "current_token_id",
  "current_token",
  "current_token_rank",
  "embed_on_current_raw",
  "embed_on_current_centered",
  "embed_on_top1_raw",
  "embed_on_top1_centered",
  "lens_first_top_depth",
  "lens_settled_depth",
  "lens_rank_before_last_layer",
  ...ABLATION_MODES.flatMap((mode) =>
    [
      "logit_change",
      "log_probability_change",
      "probability_change",
      "direct_effect",
      "top_token_changed",
    ].map((field) => `ablation_${mode}_${field}`),
  ),
];

/** Flattens one analysis's measures into {@link MEASURE_COLUMNS}. */
export function measureRow(m: AnalysisMeasures): MeasureRow {
  const row: MeasureRow = {
    model: m.model,
    tied_embeddings: m.tiedEmbeddings,
    n_layers: m.nLayers,
    prompt_id: m.promptId,
    prompt_source: m.promptSource,
    prompt_tokens: m.promptTokens,
    identity_error: m.identityError,
    top1_token_id: m.top1.tokenId,
    top1_token: m.top1.token,
    top1_logit: m.top1.logit,
    top1_probability: m.top1.probability,
  };
  for (const method of shareMethods) {
    const share = m.finalMlp[method];
    row[`final_mlp_${method}_value`] = share?.value ?? null;
    row[`final_mlp_${method}_total`] = share?.total ?? null;
    row[`final_mlp_${method}_signed_share`] = share?.signedShare ?? null;
    row[`final_mlp_${method}_absolute_share`] = share?.absoluteShare ?? null;
  }
  const current = m.currentToken;
  Object.assign(row, {
    current_token_id: current?.tokenId ?? null,
    current_token: current?.token ?? null,
    current_token_rank: current?.rank ?? null,
    embed_on_current_raw: current?.embedRaw ?? null,
    embed_on_current_centered: current?.embedCentered ?? null,
    embed_on_top1_raw: current?.embedRawOnTop1 ?? null,
    embed_on_top1_centered: current?.embedCenteredOnTop1 ?? null,
    lens_first_top_depth: m.lens?.firstTopDepth ?? null,
    lens_settled_depth: m.lens?.settledDepth ?? null,
    lens_rank_before_last_layer: m.lens?.rankBeforeLastLayer ?? null,
  });
  for (const mode of ABLATION_MODES) {
    const effect = m.ablations.find((a) => a.mode === mode);
    row[`ablation_${mode}_logit_change`] = effect?.logitChange ?? null;
    row[`ablation_${mode}_log_probability_change`] = effect?.logProbabilityChange ?? null;
    row[`ablation_${mode}_probability_change`] = effect?.probabilityChange ?? null;
    row[`ablation_${mode}_direct_effect`] = effect?.directEffect ?? null;
    row[`ablation_${mode}_top_token_changed`] = effect?.topTokenChanged ?? null;
  }
  return row;
}
