import type { ComponentKind } from "@attrib/core";

import type { StoreContext } from "../database/StoreContext.ts";
import { PUBLIC_ANALYSIS } from "../moderation/publicAnalysis.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { DEPTH_BINS, type DepthProfilePoint } from "./dashboardTypes.ts";
import { SPREAD_COLUMNS, type SpreadRow, toSpreadPoint } from "./spreadColumns.ts";
import { type GroupKey, groupKeyOf } from "./statisticsGroups.ts";

interface DepthRow extends SpreadRow {
  tied_embeddings: boolean | null;
  group_set: number;
  kind: ComponentKind;
  depth_bin: number | null;
}

/**
 * Contributions to the top token's raw logit by relative depth, for tied
 * models, untied models and all models. Per analysis, a depth slice's value
 * is the mean over the layers in it, so models of any depth compare.
 */
export async function depthProfiles(
  context: StoreContext,
  modelFilter: Prisma.Sql,
): Promise<Map<GroupKey, DepthProfilePoint[]>> {
  const rows = await context.prisma.$queryRaw<DepthRow[]>`
    WITH per_analysis AS (
      SELECT a.id, m.tied_embeddings, c.kind,
             floor(c.layer * ${DEPTH_BINS}::float8 / m.n_layers)::int AS depth_bin,
             avg(c.raw) AS value
        FROM analysis a
        JOIN installed_model m ON m.id = a.model_id
        JOIN analysis_target t ON t.analysis_id = a.id AND t.rank = 1
        JOIN contribution c ON c.target_id = t.id
       WHERE ${modelFilter} AND ${PUBLIC_ANALYSIS}
       GROUP BY a.id, m.tied_embeddings, c.kind, depth_bin
    )
    SELECT tied_embeddings, GROUPING(tied_embeddings)::int + 2 AS group_set,
           kind::text AS kind, depth_bin, ${SPREAD_COLUMNS}
      FROM per_analysis
     GROUP BY GROUPING SETS ((tied_embeddings, kind, depth_bin), (kind, depth_bin))
     ORDER BY group_set, tied_embeddings, depth_bin NULLS FIRST, kind`;

  const profiles = new Map<GroupKey, DepthProfilePoint[]>();
  for (const row of rows) {
    const key = groupKeyOf({ model_id: null, ...row });
    const points = profiles.get(key) ?? [];
    points.push({ kind: row.kind, depthBin: row.depth_bin, ...toSpreadPoint(row) });
    profiles.set(key, points);
  }
  return profiles;
}
