import type { AttributionResult, TargetAttribution } from "@attrib/core";

import type { Prisma } from "../generated/prisma/client.ts";
import type { AnalysisQuestion, Requester } from "../types.ts";
import { detailColumn } from "./analysisDetail.ts";
import { splitSummary } from "./storedSplit.ts";
import { sourceColumn } from "./targetSource.ts";

/** The analysis row, less the model it belongs to. */
export function analysisRow(
  result: AttributionResult,
  requester: Requester,
  question: AnalysisQuestion,
  keys: { dedupeKey: string; requestId: string | null },
): Omit<Prisma.AnalysisUncheckedCreateInput, "modelId"> {
  return {
    promptText: result.prompt.text,
    promptTokenIds: result.prompt.tokenIds,
    promptTokens: result.prompt.tokens,
    k: question.k,
    namedTargets: question.targets,
    finalNormScale: result.finalNormScale,
    identityError: result.identityError,
    tokenizeMs: result.timings.tokenizeMs,
    inferenceMs: result.timings.inferenceMs,
    totalMs: result.timings.totalMs,
    platform: requester.platform,
    serverId: requester.serverId ?? null,
    channelId: requester.channelId ?? null,
    userId: requester.userId ?? null,
    userDisplayName: requester.displayName ?? null,
    dedupeKey: keys.dedupeKey,
    requestId: keys.requestId,
    detail: detailColumn(result),
  };
}

/** One row per target, in result order, with each method's totals. */
export function targetRows(
  analysisId: string,
  result: AttributionResult,
): Prisma.AnalysisTargetCreateManyInput[] {
  return result.targets.map((target, position) => ({
    analysisId,
    position,
    tokenId: target.tokenId,
    token: target.token,
    rank: target.rank,
    logit: target.logit,
    probability: target.probability,
    source: sourceColumn(target.source),
    identityError: target.identityError,
    ...summaryColumns(target),
    ...differenceColumns(result, target),
  }));
}

function summaryColumns(target: TargetAttribution) {
  const raw = splitSummary(target.raw);
  const centered = splitSummary(target.centered);
  const rough = splitSummary(target.rough);
  return {
    rawTotal: raw.total,
    rawPositiveMass: raw.positiveMass,
    rawNegativeMass: raw.negativeMass,
    rawHasSignedShares: raw.hasSignedShares,
    centeredTotal: centered.total,
    centeredPositiveMass: centered.positiveMass,
    centeredNegativeMass: centered.negativeMass,
    centeredHasSignedShares: centered.hasSignedShares,
    roughTotal: rough.total,
    roughPositiveMass: rough.positiveMass,
    roughNegativeMass: rough.negativeMass,
    roughHasSignedShares: rough.hasSignedShares,
  };
}

/** The logit difference is kept on the target it starts from. */
function differenceColumns(result: AttributionResult, target: TargetAttribution) {
  const difference = differenceOf(result, target);
  if (!difference) return {};
  const summary = splitSummary(difference.attribution);
  return {
    differenceTokenId: difference.negative.tokenId,
    differenceToken: difference.negative.token,
    differenceTotal: summary.total,
    differencePositiveMass: summary.positiveMass,
    differenceNegativeMass: summary.negativeMass,
    differenceHasSignedShares: summary.hasSignedShares,
  };
}

function differenceOf(result: AttributionResult, target: TargetAttribution) {
  const difference = result.topDifference;
  const owner = result.targets.find((t) => t.tokenId === difference?.positive.tokenId);
  return owner === target ? difference : null;
}

/**
 * One row per (target, component) for all targets, given the ids the
 * target rows received.
 */
export function contributionRows(
  result: AttributionResult,
  targetIds: number[],
): Prisma.ContributionCreateManyInput[] {
  return result.targets.flatMap((target, t) => {
    const difference = differenceOf(result, target)?.attribution.values;
    return result.components.map((component, position) => ({
      targetId: targetIds[t] ?? -1,
      position,
      layer: component.layer,
      kind: component.kind,
      raw: target.raw.values[position] ?? NaN,
      centered: target.centered.values[position] ?? NaN,
      rough: target.rough.values[position] ?? NaN,
      difference: difference?.[position] ?? null,
      component: component.name,
    }));
  });
}
