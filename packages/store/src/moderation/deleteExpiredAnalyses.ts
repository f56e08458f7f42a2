import type { StoreContext } from "../database/StoreContext.ts";
import { withStoreErrors } from "../errors/withStoreErrors.ts";
import { checkInteger } from "../validation/checkValue.ts";
import { writeAudit } from "./auditLog.ts";

/**
 * The retention rule: deletes every analysis asked more than `days` days
 * ago, with its targets and contributions, and records how many went.
 *
 * @param now - the moment the period is counted back from
 * @returns how many analyses were deleted
 * @throws {@link StoreError} INVALID_INPUT for a period under one day, UNAVAILABLE
 */
export async function deleteExpiredAnalyses(
  context: StoreContext,
  days: number,
  now: Date = new Date(),
): Promise<number> {
  checkInteger(days, "days", 1);
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  return withStoreErrors(context, "delete expired analyses", () =>
    context.prisma.$transaction(async (tx) => {
      const { count } = await tx.analysis.deleteMany({
        where: { createdAt: { lt: cutoff } },
      });
      if (count > 0) {
        await writeAudit(tx, {
          actor: "retention",
          action: "analysis.expire",
          subject: `created before ${cutoff.toISOString()}`,
          detail: `${count} deleted after ${days} days`,
        });
      }
      return count;
    }),
  );
}
