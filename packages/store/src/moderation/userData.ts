import type { StoreContext } from "../database/StoreContext.ts";
import { withStoreErrors } from "../errors/withStoreErrors.ts";
import { analysisInclude } from "../analyses/analysisInclude.ts";
import { toStoredAnalysis } from "../analyses/toStoredAnalysis.ts";
import type { StoredAnalysis } from "../types.ts";
import { checkText } from "../validation/checkValue.ts";
import { writeAudit } from "./auditLog.ts";
import type { Actor, Author } from "./moderationTypes.ts";

/**
 * Everything stored about one chat user: every analysis they asked for,
 * whole, oldest first.
 *
 * @throws {@link StoreError} INVALID_INPUT, UNAVAILABLE
 */
export async function exportUserData(
  context: StoreContext,
  author: Author,
): Promise<StoredAnalysis[]> {
  checkText(author.userId, "userId", 1);
  const rows = await withStoreErrors(context, "export a user's analyses", () =>
    context.prisma.analysis.findMany({
      where: { platform: author.platform, userId: author.userId },
      include: analysisInclude,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  );
  return rows.map(toStoredAnalysis);
}

/**
 * Deletes every analysis one chat user asked for (a block on the user
 * stays). The audit line names the user, to show the request was met.
 *
 * @returns how many analyses were deleted
 * @throws {@link StoreError} INVALID_INPUT, UNAVAILABLE
 */
export async function deleteUserData(
  context: StoreContext,
  author: Author,
  actor: Actor,
): Promise<number> {
  checkText(author.userId, "userId", 1);
  const subject = `${author.platform}:user:${author.userId}`;
  return withStoreErrors(context, "delete a user's analyses", () =>
    context.prisma.$transaction(async (tx) => {
      const { count } = await tx.analysis.deleteMany({
        where: { platform: author.platform, userId: author.userId },
      });
      await writeAudit(tx, {
        actor,
        action: "user.delete_data",
        subject,
        detail: `${count} analyses deleted`,
      });
      return count;
    }),
  );
}
