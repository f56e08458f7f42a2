import type { StoreContext } from "../database/StoreContext.ts";
import { StoreError } from "../errors/StoreError.ts";
import { withStoreErrors } from "../errors/withStoreErrors.ts";
import { writeAudit } from "./auditLog.ts";
import { checkAnalysisId, noSuchAnalysis } from "./analysisId.ts";
import type { Actor, Author } from "./moderationTypes.ts";

/**
 * Takes an analysis off every public surface (list, page, preview image,
 * API, CSV, statistics) until {@link unhideAnalysis}; its rows stay.
 *
 * @throws {@link StoreError} NOT_FOUND, CONFLICT when it is hidden already,
 * INVALID_INPUT for an id that is no analysis id, UNAVAILABLE
 */
export async function hideAnalysis(
  context: StoreContext,
  id: string,
  actor: Actor,
): Promise<void> {
  checkAnalysisId(id);
  await withStoreErrors(context, `hide analysis ${id}`, () =>
    context.prisma.$transaction(async (tx) => {
      const changed = await tx.analysis.updateMany({
        where: { id, hiddenAt: null },
        data: { hiddenAt: new Date() },
      });
      if (changed.count === 0) {
        const exists = await tx.analysis.count({ where: { id } });
        throw exists > 0
          ? new StoreError("CONFLICT", `analysis ${id} is hidden already`)
          : noSuchAnalysis(id);
      }
      await writeAudit(tx, { actor, action: "analysis.hide", subject: id });
    }),
  );
}

/**
 * Shows a hidden analysis again.
 *
 * @throws {@link StoreError} NOT_FOUND, CONFLICT when it is not hidden,
 * INVALID_INPUT, UNAVAILABLE
 */
export async function unhideAnalysis(
  context: StoreContext,
  id: string,
  actor: Actor,
): Promise<void> {
  checkAnalysisId(id);
  await withStoreErrors(context, `unhide analysis ${id}`, () =>
    context.prisma.$transaction(async (tx) => {
      const changed = await tx.analysis.updateMany({
        where: { id, hiddenAt: { not: null } },
        data: { hiddenAt: null },
      });
      if (changed.count === 0) {
        const exists = await tx.analysis.count({ where: { id } });
        throw exists > 0
          ? new StoreError("CONFLICT", `analysis ${id} is not hidden`)
          : noSuchAnalysis(id);
      }
      await writeAudit(tx, { actor, action: "analysis.unhide", subject: id });
    }),
  );
}

/**
 * Removes an analysis from the database: its row, targets and
 * contributions. Only the audit line (id, who, when) remains.
 *
 * @throws {@link StoreError} NOT_FOUND (also when it was deleted already),
 * INVALID_INPUT, UNAVAILABLE
 */
export async function deleteAnalysis(
  context: StoreContext,
  id: string,
  actor: Actor,
): Promise<void> {
  checkAnalysisId(id);
  await withStoreErrors(context, `delete analysis ${id}`, () =>
    context.prisma.$transaction(async (tx) => {
      const deleted = await tx.analysis.deleteMany({ where: { id } });
      if (deleted.count === 0) throw noSuchAnalysis(id);
      await writeAudit(tx, { actor, action: "analysis.delete", subject: id });
    }),
  );
}

/**
 * Deletes an analysis for the person who asked for it. The author is
 * compared with the stored requester on the server; nobody else's analysis
 * is touched.
 *
 * @throws {@link StoreError} FORBIDDEN when `author` did not ask for it,
 * NOT_FOUND, INVALID_INPUT, UNAVAILABLE
 */
export async function deleteOwnAnalysis(
  context: StoreContext,
  id: string,
  author: Author,
): Promise<void> {
  checkAnalysisId(id);
  await withStoreErrors(context, `delete analysis ${id}`, () =>
    context.prisma.$transaction(async (tx) => {
      const deleted = await tx.analysis.deleteMany({
        where: { id, platform: author.platform, userId: author.userId },
      });
      if (deleted.count === 0) {
        const exists = await tx.analysis.count({ where: { id } });
        throw exists > 0
          ? new StoreError(
              "FORBIDDEN",
              `analysis ${id} was asked for by someone else; only its author ` +
                "or an operator may delete it",
            )
          : noSuchAnalysis(id);
      }
      await writeAudit(tx, {
        actor: `${author.platform}:${author.userId}`,
        action: "analysis.delete",
        subject: id,
        detail: "by its author",
      });
    }),
  );
}

/**
 * Who asked for an analysis; null user for web and cli analyses.
 *
 * @throws {@link StoreError} NOT_FOUND, INVALID_INPUT, UNAVAILABLE
 */
export async function findAnalysisAuthor(
  context: StoreContext,
  id: string,
): Promise<{
  platform: Author["platform"];
  userId: string | null;
  serverId: string | null;
}> {
  checkAnalysisId(id);
  const row = await withStoreErrors(context, `read analysis ${id}`, () =>
    context.prisma.analysis.findUnique({
      where: { id },
      select: { platform: true, userId: true, serverId: true },
    }),
  );
  if (!row) throw noSuchAnalysis(id);
  return row;
}
