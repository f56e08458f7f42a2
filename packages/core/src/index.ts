export { AttribError, attribErrorCodes, isAttribError } from "./errors/AttribError.ts";
export type { AttribErrorCode } from "./errors/AttribError.ts";
export { manifestSchema } from "./bundle/manifest.ts";
export type { Manifest } from "./bundle/manifest.ts";
export { readManifest } from "./bundle/readManifest.ts";
export { listInstalledModels, resolveModelDir } from "./bundle/resolveModel.ts";
export { openGraph } from "./inference/backend.ts";
export type {
  ExecutionProvider,
  Feed,
  Float32Feed,
  GraphSession,
  Int64Feed,
  SessionOptions,
} from "./inference/backend.ts";
export { BundleTokenizer } from "./tokenizer/BundleTokenizer.ts";
export type { Tokenization } from "./tokenizer/BundleTokenizer.ts";
export {
  AttributionModel,
  DEFAULT_BATCH_SIZE,
  DEFAULT_TOP_K,
  DEFAULT_TOP_N,
  MAX_BATCH_SIZE,
} from "./analysis/AttributionModel.ts";
export { ForwardModel } from "./analysis/ForwardModel.ts";
export type {
  AnalyzeOptions,
  BatchOptions,
  BatchPrompt,
  DetailOptions,
  LoadModelOptions,
  TokenPrompt,
} from "./analysis/AttributionModel.ts";
export {
  contributionSet,
  NEAR_ZERO_TOTAL_FRACTION,
} from "./attribution/contributionSet.ts";
export { finalMlpIndex, shareOf } from "./attribution/finalMlp.ts";
export { parseComponent } from "./attribution/parseComponent.ts";
export { rankOf } from "./attribution/rankOf.ts";
export type * from "./attribution/types.ts";
export { layerChart, CHART_WIDTH, CHART_HEIGHT } from "./chart/layerChart.ts";
export { renderPng, renderSvg } from "./chart/renderPng.ts";
export { renderLayerChartPng } from "./chart/renderLayerChart.ts";
export { headHeatmap } from "./chart/headHeatmap.ts";
export { neuronChart } from "./chart/neuronChart.ts";
export { lensChart } from "./chart/lensChart.ts";
export {
  renderHeadHeatmapPng,
  renderLensChartPng,
  renderNeuronChartPng,
} from "./chart/renderDetailCharts.ts";
export {
  formatProbability,
  formatRank,
  formatShare,
  formatSigned,
  quoteToken,
} from "./chart/formatNumber.ts";
export type { ChartElement, ChartNode } from "./chart/element.ts";
