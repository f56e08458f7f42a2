import type { StoreContext } from "../database/StoreContext.ts";
import { withStoreErrors } from "../errors/withStoreErrors.ts";
import type { Platform } from "../types.ts";
import { checkText } from "../validation/checkValue.ts";
import { writeAudit } from "./auditLog.ts";
import type { Actor, UnpublishedServer } from "./moderationTypes.ts";

/**
 * Lets a server publish its analyses on the dashboard, or keeps them off
 * it. The change applies at once to everything the server ever asked.
 *
 * @param publish - false to keep the server's analyses off the dashboard
 * @returns whether anything changed (false when it was so already)
 * @throws {@link StoreError} INVALID_INPUT, UNAVAILABLE
 */
export async function setServerPublishing(
  context: StoreContext,
  server: { platform: Platform; serverId: string },
  publish: boolean,
  actor: Actor,
): Promise<boolean> {
  checkText(server.serverId, "serverId", 1);
  const subject = `${server.platform}:server:${server.serverId}`;
  return withStoreErrors(context, `change publishing of ${subject}`, () =>
    context.prisma.$transaction(async (tx) => {
      const key = { platform: server.platform, serverId: server.serverId };
      const changed = publish
        ? (await tx.unpublishedServer.deleteMany({ where: key })).count > 0
        : (
            await tx.unpublishedServer.createMany({
              data: [{ ...key, changedBy: actor }],
              skipDuplicates: true,
            })
          ).count > 0;
      if (changed) {
        await writeAudit(tx, {
          actor,
          action: publish ? "server.publish" : "server.unpublish",
          subject,
        });
      }
      return changed;
    }),
  );
}

/** Whether a server's analyses appear on the dashboard; true for web and cli. */
export async function isServerPublished(
  context: StoreContext,
  server: { platform: Platform; serverId: string | null },
): Promise<boolean> {
  if (server.serverId === null) return true;
  const serverId = server.serverId;
  const count = await withStoreErrors(context, "read server publishing", () =>
    context.prisma.unpublishedServer.count({
      where: { platform: server.platform, serverId },
    }),
  );
  return count === 0;
}

/** Servers that keep their analyses off the dashboard, newest first. */
export function listUnpublishedServers(
  context: StoreContext,
): Promise<UnpublishedServer[]> {
  return withStoreErrors(context, "list unpublished servers", () =>
    context.prisma.unpublishedServer.findMany({ orderBy: { createdAt: "desc" } }),
  );
}
