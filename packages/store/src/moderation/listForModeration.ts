import type { StoreContext } from "../database/StoreContext.ts";
import { withStoreErrors } from "../errors/withStoreErrors.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type {
  ModeratedAnalysis,
  ModerationListOptions,
  ModerationPage,
} from "./moderationTypes.ts";

const MAX_PAGE_SIZE = 100;

/**
 * Every analysis, hidden ones and those of unpublished servers included,
 * newest first, with the platform ids operators act on. For the admin pages
 * only.
 */
export async function listForModeration(
  context: StoreContext,
  options: ModerationListOptions = {},
): Promise<ModerationPage> {
  const pageSize = Math.min(
    Math.max(1, Math.trunc(options.pageSize ?? 50)),
    MAX_PAGE_SIZE,
  );
  const page = Math.max(1, Math.trunc(options.page ?? 1));
  const search = options.search?.trim();
  const where: Prisma.AnalysisWhereInput = {
    ...(search ? { promptText: { contains: search, mode: "insensitive" } } : {}),
    ...(options.hiddenOnly ? { hiddenAt: { not: null } } : {}),
  };

  return withStoreErrors(context, "list analyses for moderation", async () => {
    const [total, rows, unpublished] = await context.prisma.$transaction([
      context.prisma.analysis.count({ where }),
      context.prisma.analysis.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (page - 1) * pageSize,
        take: pageSize,
        select: {
          id: true,
          createdAt: true,
          promptText: true,
          platform: true,
          serverId: true,
          channelId: true,
          userId: true,
          userDisplayName: true,
          hiddenAt: true,
          model: { select: { name: true } },
        },
      }),
      context.prisma.unpublishedServer.findMany({
        select: { platform: true, serverId: true },
      }),
    ]);
    const off = new Set(unpublished.map((s) => `${s.platform}:${s.serverId}`));
    const items = rows.map((row): ModeratedAnalysis => ({
      id: row.id,
      createdAt: row.createdAt,
      text: row.promptText,
      modelName: row.model.name,
      platform: row.platform,
      serverId: row.serverId,
      channelId: row.channelId,
      userId: row.userId,
      userDisplayName: row.userDisplayName,
      hiddenAt: row.hiddenAt,
      serverPublishes: !off.has(`${row.platform}:${row.serverId ?? ""}`),
    }));
    return { items, page, pageSize, total };
  });
}
