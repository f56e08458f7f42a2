import type { Prisma } from "../generated/prisma/client.ts";

/** Everything an analysis is read back with. */
export const analysisInclude = {
  model: true,
  targets: {
    orderBy: { position: "asc" },
    include: { contributions: { orderBy: { position: "asc" } } },
  },
} satisfies Prisma.AnalysisInclude;

export type AnalysisWithTargets = Prisma.AnalysisGetPayload<{
  include: typeof analysisInclude;
}>;
