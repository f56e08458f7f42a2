import type { ComponentKind } from "@attrib/core";

import type { AnalysisSummary, Platform } from "../types.ts";

/** Most analyses one browse page may hold (CSV export reads in pages this big). */
export const MAX_BROWSE_PAGE_SIZE = 1000;

/** What the dashboard's list can be narrowed to. */
export interface BrowseFilter {
  /** Finds analyses whose prompt contains this text, ignoring case. */
  search?: string;
  /** Installed model name. */
  model?: string;
  platform?: Platform;
  /** Analyses asked at or after this moment. */
  from?: Date;
  /** Analyses asked before this moment. */
  until?: Date;
}

export interface BrowseAnalysesOptions extends BrowseFilter {
  /**
   * 1 for the newest analyses. A page past the last gives the last page;
   * the result's `page` says which page was given.
   */
  page?: number;
  /** 1 … {@link MAX_BROWSE_PAGE_SIZE}; 20 when left out. */
  pageSize?: number;
}

/** What the final MLP wrote into the top token's raw logit. */
export interface FinalMlpPart {
  /** e.g. `L29.mlp` */
  component: string;
  /** Its contribution, in logits. */
  value: number;
  /** value / logit; null where the logit is too near zero for a share to mean anything. */
  signedShare: number | null;
  /** |value| / Σ|contributions|, in [0, 1]. */
  absoluteShare: number;
}

/** One line of the dashboard's list, with the final MLP's part of the top token. */
export interface BrowsedAnalysis extends AnalysisSummary {
  /** Null for an analysis without a rank-1 target. */
  finalMlp: FinalMlpPart | null;
}

export interface BrowsePage {
  items: BrowsedAnalysis[];
  /** The page given, after moving a page past the last back to the last. */
  page: number;
  pageSize: number;
  /** How many analyses match, over all pages. */
  total: number;
  /** At least 1: an empty result is one empty page. */
  pageCount: number;
}

/** Restricts the statistics to some models; all models when left out. */
export interface StatisticsOptions {
  models?: string[];
}

/** One bar of a histogram: values in [lower, upper). */
export interface HistogramBin {
  lower: number;
  upper: number;
  count: number;
}

/** How one share of the final MLP is distributed over analyses. */
export interface ShareDistribution {
  /** Analyses whose share is defined; every other figure rests on these. */
  count: number;
  mean: number | null;
  min: number | null;
  /** First quartile, median and third quartile, interpolated linearly. */
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  bins: HistogramBin[];
  /** Shares below the first bin's lower edge. */
  below: number;
  /** Shares at or above the last bin's upper edge. */
  above: number;
}

/** The final MLP's share of the top token's raw logit, over analyses. */
export interface FinalMlpShareStatistics {
  /** Analyses with a top token, whether or not their signed share is defined. */
  analysisCount: number;
  /** Signed share (can be negative or above 1); undefined where the logit ≈ 0. */
  signed: ShareDistribution;
  /** Share of absolute contribution, in [0, 1]. */
  absolute: ShareDistribution;
}

/** How one component's contribution to the top token's logit varies. */
export interface SpreadPoint {
  /** Analyses it rests on. */
  count: number;
  mean: number;
  /** Sample standard deviation; null for a single analysis. */
  standardDeviation: number | null;
  q1: number;
  median: number;
  q3: number;
}

/** One component of one model, e.g. `L29.mlp`, in component order. */
export interface LayerProfilePoint extends SpreadPoint {
  component: string;
  kind: ComponentKind;
  layer: number | null;
}

/**
 * Layers of models of different depths, compared by relative depth: the
 * layers of each model are split into {@link DEPTH_BINS} equal slices, and
 * an analysis's value for a slice is the mean contribution per layer in it.
 */
export interface DepthProfilePoint extends SpreadPoint {
  kind: ComponentKind;
  /** 0 … DEPTH_BINS − 1 for attention and MLP layers; null for embedding and biases. */
  depthBin: number | null;
}

export const DEPTH_BINS = 10;

export interface ModelStatistics {
  model: {
    name: string;
    displayName: string;
    architecture: string;
    nLayers: number;
    tiedEmbeddings: boolean;
  };
  finalMlpShare: FinalMlpShareStatistics;
  /** Mean contribution of every component to the top token's raw logit. */
  layerProfile: LayerProfilePoint[];
}

export interface GroupStatistics {
  /** Models in the group. */
  modelCount: number;
  finalMlpShare: FinalMlpShareStatistics;
  depthProfile: DepthProfilePoint[];
}

/** The dashboard's statistics over every stored analysis. */
export interface CommunityStatistics {
  /** All models together. */
  overall: GroupStatistics;
  /** Weight-tied (input embedding = unembedding) and untied models apart. */
  tied: GroupStatistics;
  untied: GroupStatistics;
  models: ModelStatistics[];
}
