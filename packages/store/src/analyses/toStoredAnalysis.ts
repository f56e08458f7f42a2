import type {
  AttributionResult,
  Component,
  LogitDifference,
  TargetAttribution,
} from "@attrib/core";

import { detailFromColumn } from "./analysisDetail.ts";
import type { AnalysisWithTargets } from "./analysisInclude.ts";
import { splitFromColumns } from "./storedSplit.ts";
import { sourceFromColumn } from "./targetSource.ts";
import type { StoredAnalysis } from "../types.ts";

type TargetRow = AnalysisWithTargets["targets"][number];

/** Rebuilds the stored analysis, result included, from its rows. */
export function toStoredAnalysis(row: AnalysisWithTargets): StoredAnalysis {
  return {
    id: row.id,
    createdAt: row.createdAt,
    hiddenAt: row.hiddenAt,
    requestId: row.requestId,
    k: row.k,
    namedTargets: row.namedTargets,
    requester: {
      platform: row.platform,
      serverId: row.serverId,
      channelId: row.channelId,
      userId: row.userId,
      displayName: row.userDisplayName,
    },
    result: toAttributionResult(row),
  };
}

function toAttributionResult(row: AnalysisWithTargets): AttributionResult {
  const { model } = row;
  return {
    model: {
      name: model.name,
      displayName: model.displayName,
      architecture: model.architecture,
      nLayers: model.nLayers,
      tiedEmbeddings: model.tiedEmbeddings,
      finalLogitSoftcap: model.finalLogitSoftcap,
    },
    prompt: {
      text: row.promptText,
      tokenIds: row.promptTokenIds,
      tokens: row.promptTokens,
    },
    components: componentsOf(row.targets[0]),
    finalNormScale: row.finalNormScale,
    targets: row.targets.map(toTarget),
    topDifference: topDifferenceOf(row.targets),
    identityError: row.identityError,
    timings: {
      tokenizeMs: row.tokenizeMs,
      inferenceMs: row.inferenceMs,
      totalMs: row.totalMs,
    },
    ...detailFromColumn(row.detail),
  };
}

/** Every target has one contribution per component, so any of them tells the components. */
function componentsOf(target: TargetRow | undefined): Component[] {
  return (target?.contributions ?? []).map((c) => ({
    name: c.component,
    kind: c.kind,
    layer: c.layer,
  }));
}

function toTarget(row: TargetRow): TargetAttribution {
  const values = (pick: (c: TargetRow["contributions"][number]) => number) =>
    row.contributions.map(pick);
  return {
    tokenId: row.tokenId,
    token: row.token,
    rank: row.rank,
    logit: row.logit,
    probability: row.probability,
    source: sourceFromColumn(row.source),
    raw: splitFromColumns(
      "raw",
      values((c) => c.raw),
      {
        total: row.rawTotal,
        positiveMass: row.rawPositiveMass,
        negativeMass: row.rawNegativeMass,
        hasSignedShares: row.rawHasSignedShares,
      },
    ),
    centered: splitFromColumns(
      "centered",
      values((c) => c.centered),
      {
        total: row.centeredTotal,
        positiveMass: row.centeredPositiveMass,
        negativeMass: row.centeredNegativeMass,
        hasSignedShares: row.centeredHasSignedShares,
      },
    ),
    rough: splitFromColumns(
      "rough",
      values((c) => c.rough),
      {
        total: row.roughTotal,
        positiveMass: row.roughPositiveMass,
        negativeMass: row.roughNegativeMass,
        hasSignedShares: row.roughHasSignedShares,
      },
    ),
    identityError: row.identityError,
  };
}

function topDifferenceOf(targets: TargetRow[]): LogitDifference | null {
  const owner = targets.find((t) => t.differenceTokenId !== null);
  if (!owner) return null;
  return {
    positive: { tokenId: owner.tokenId, token: owner.token },
    negative: {
      tokenId: owner.differenceTokenId ?? -1,
      token: owner.differenceToken ?? "",
    },
    attribution: splitFromColumns(
      "difference",
      owner.contributions.map((c) => c.difference ?? NaN),
      {
        total: owner.differenceTotal ?? NaN,
        positiveMass: owner.differencePositiveMass ?? NaN,
        negativeMass: owner.differenceNegativeMass ?? NaN,
        hasSignedShares: owner.differenceHasSignedShares ?? false,
      },
    ),
  };
}
