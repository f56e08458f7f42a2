import type { AttributionResult } from "@attrib/core";

import type { StoreContext } from "../database/StoreContext.ts";
import { withStoreErrors } from "../errors/withStoreErrors.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { modelColumns } from "../installedModels/modelColumns.ts";
import type { AnalysisQuestion, Asked, Requester, StoredAnalysis } from "../types.ts";
import { checkText } from "../validation/checkValue.ts";
import { analysisInclude } from "./analysisInclude.ts";
import { analysisRow, contributionRows, targetRows } from "./analysisRows.ts";
import { checkAttributionResult } from "./checkAttributionResult.ts";
import { checkRequester } from "./checkRequester.ts";
import { dedupeKey } from "./dedupeKey.ts";
import { questionOf } from "./questionOf.ts";
import { toStoredAnalysis } from "./toStoredAnalysis.ts";

/**
 * A unique constraint failed: another process saved the same question, or
 * the same request, at the same moment.
 */
const UNIQUE_VIOLATION = "P2002";

interface Insert {
  result: AttributionResult;
  requester: Requester;
  question: AnalysisQuestion;
  requestId: string | null;
}

/**
 * Stores an analysis with its targets and contributions, in one transaction.
 * It becomes the answer that {@link findReusableAnalysis} returns for its
 * question; older answers keep their ids.
 *
 * @param asked - k and named targets as requested, when the result alone
 * does not tell them, and the request's id to make a retried save harmless
 * @returns the stored analysis; for a request id saved before, that one
 * @throws {@link StoreError} INVALID_INPUT, UNAVAILABLE, NOT_MIGRATED
 */
export async function saveAnalysis(
  context: StoreContext,
  result: AttributionResult,
  requester: Requester,
  asked: Asked = {},
): Promise<StoredAnalysis> {
  checkAttributionResult(result);
  checkRequester(requester);
  if (asked.requestId !== undefined) checkText(asked.requestId, "requestId", 1);
  const insert: Insert = {
    result,
    requester,
    question: questionOf(result, asked),
    requestId: asked.requestId ?? null,
  };

  return withStoreErrors(context, "store the analysis", async () => {
    const earlier = await findByRequestId(context, insert.requestId);
    if (earlier) return earlier;
    try {
      return await insertAnalysis(context, insert);
    } catch (error) {
      if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
      // A concurrent save won the race: reuse its row, or take the key over.
      return (
        (await findByRequestId(context, insert.requestId)) ??
        (await insertAnalysis(context, insert))
      );
    }
  });
}

async function findByRequestId(
  context: StoreContext,
  requestId: string | null,
): Promise<StoredAnalysis | null> {
  if (requestId === null) return null;
  const row = await context.prisma.analysis.findUnique({
    where: { requestId },
    include: analysisInclude,
  });
  return row ? toStoredAnalysis(row) : null;
}

async function insertAnalysis(
  context: StoreContext,
  insert: Insert,
): Promise<StoredAnalysis> {
  const { result, requester, question, requestId } = insert;
  const key = dedupeKey(question);
  const saved = await context.prisma.$transaction(
    async (tx) => {
      const model = await upsertResultModel(tx, result);
      // The newest answer holds the key; the older one keeps its permalink.
      await tx.analysis.updateMany({
        where: { dedupeKey: key },
        data: { dedupeKey: null },
      });
      const analysis = await tx.analysis.create({
        data: {
          ...analysisRow(result, requester, question, { dedupeKey: key, requestId }),
          modelId: model.id,
        },
        select: { id: true, createdAt: true },
      });
      const targets = await tx.analysisTarget.createManyAndReturn({
        data: targetRows(analysis.id, result),
        select: { id: true, position: true },
      });
      const targetIds = targets.sort((a, b) => a.position - b.position).map((t) => t.id);
      await tx.contribution.createMany({ data: contributionRows(result, targetIds) });
      return analysis;
    },
    { timeout: 30_000 },
  );
  return {
    ...saved,
    hiddenAt: null,
    requestId,
    k: question.k,
    namedTargets: question.targets,
    requester: completeRequester(requester),
    result,
  };
}

function upsertResultModel(tx: Prisma.TransactionClient, result: AttributionResult) {
  const columns = modelColumns(result.model);
  return tx.installedModel.upsert({
    where: { name: result.model.name },
    create: columns,
    update: columns,
    select: { id: true },
  });
}

function completeRequester(requester: Requester): StoredAnalysis["requester"] {
  return {
    platform: requester.platform,
    serverId: requester.serverId ?? null,
    channelId: requester.channelId ?? null,
    userId: requester.userId ?? null,
    displayName: requester.displayName ?? null,
  };
}
