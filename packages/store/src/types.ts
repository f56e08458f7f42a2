import type { AttributionResult } from "@attrib/core";

/** Where a request for an analysis can come from. */
export const platforms = ["discord", "slack", "web", "cli"] as const;
export type Platform = (typeof platforms)[number];

/** Who asked for an analysis, and from where. */
export interface Requester {
  platform: Platform;
  /** Discord guild or Slack workspace id; null for web and cli. */
  serverId?: string | null;
  channelId?: string | null;
  userId?: string | null;
  /** The name the platform showed for the user when they asked. */
  displayName?: string | null;
}

/** What was asked: the same question may reuse a recent answer. */
export interface AnalysisQuestion {
  /** Installed model name, e.g. `smollm2-135m-instruct`. */
  model: string;
  text: string;
  /** How many top tokens to attribute. */
  k: number;
  /** Extra targets as typed, e.g. `[" Jobs"]`; order does not matter. */
  targets: string[];
}

/**
 * What the requester asked besides model and text, where the result alone
 * does not tell it, and the caller's id for the request.
 */
export interface Asked {
  /** How many top tokens were asked for; by default the result's top targets. */
  k?: number;
  /** Named targets as typed; by default the tokens of the result's named targets. */
  targets?: string[];
  /**
   * The caller's id for this request, e.g. its queue job id. Saving again
   * under the same id (a retried job) returns the analysis saved first
   * instead of storing a second copy.
   */
  requestId?: string;
}

/** An analysis as stored, with its permalink id. */
export interface StoredAnalysis {
  id: string;
  createdAt: Date;
  /** When an operator hid it from the public; null while it is public. */
  hiddenAt: Date | null;
  /** The caller's id for the request that stored it, if it gave one. */
  requestId: string | null;
  k: number;
  namedTargets: string[];
  requester: Required<Requester>;
  result: AttributionResult;
}

/** One line of the dashboard's list. */
export interface AnalysisSummary {
  id: string;
  createdAt: Date;
  model: { name: string; displayName: string };
  text: string;
  k: number;
  namedTargets: string[];
  platform: Platform;
  userDisplayName: string | null;
  /** The most likely next token; null only for analyses without a rank-1 target. */
  topTarget: {
    tokenId: number;
    token: string;
    logit: number;
    probability: number;
  } | null;
  identityError: number;
}

export interface ListAnalysesOptions {
  /** 1 for the newest analyses. */
  page?: number;
  /** 1 … {@link MAX_PAGE_SIZE}; 20 when left out. */
  pageSize?: number;
  /** Finds analyses whose prompt contains this text, ignoring case. */
  search?: string;
  /** Installed model name. */
  model?: string;
  platform?: Platform;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface AnalysisPage {
  items: AnalysisSummary[];
  page: number;
  pageSize: number;
  /** How many analyses match, over all pages. */
  total: number;
  pageCount: number;
}

/**
 * An installed model as the store keeps it. A bundle manifest
 * (`Manifest` of @attrib/core) has all of these fields.
 */
export interface ModelInfo {
  name: string;
  displayName: string;
  architecture: string;
  nLayers: number;
  tiedEmbeddings: boolean;
  finalLogitSoftcap: number | null;
  dModel?: number | null;
  dMlp?: number | null;
  nHeads?: number | null;
  nKvHeads?: number | null;
  dVocab?: number | null;
  maxContext?: number | null;
  source?: { kind: string; ref: string; quantization?: string | null } | null;
}

export interface StoredModel extends Required<Omit<ModelInfo, "source">> {
  source: { kind: string; ref: string; quantization: string | null } | null;
  createdAt: Date;
  updatedAt: Date;
}
