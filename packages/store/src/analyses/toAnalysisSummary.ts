import type { Prisma } from "../generated/prisma/client.ts";
import type { AnalysisSummary } from "../types.ts";

/** What a list line needs besides the analysis row: its model and rank-1 target. */
export const summaryInclude = {
  model: { select: { name: true, displayName: true } },
  targets: {
    where: { rank: 1 },
    take: 1,
    select: { tokenId: true, token: true, logit: true, probability: true },
  },
} satisfies Prisma.AnalysisInclude;

type SummaryRow = Prisma.AnalysisGetPayload<{ include: typeof summaryInclude }>;

/** One line of the dashboard's list. */
export function toAnalysisSummary(row: SummaryRow): AnalysisSummary {
  return {
    id: row.id,
    createdAt: row.createdAt,
    model: row.model,
    text: row.promptText,
    k: row.k,
    namedTargets: row.namedTargets,
    platform: row.platform,
    userDisplayName: row.userDisplayName,
    topTarget: row.targets[0] ?? null,
    identityError: row.identityError,
  };
}
