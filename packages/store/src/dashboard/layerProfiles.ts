import type { ComponentKind } from "@attrib/core";

import type { StoreContext } from "../database/StoreContext.ts";
import { PUBLIC_ANALYSIS } from "../moderation/publicAnalysis.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { LayerProfilePoint } from "./dashboardTypes.ts";
import { SPREAD_COLUMNS, type SpreadRow, toSpreadPoint } from "./spreadColumns.ts";

interface LayerRow extends SpreadRow {
  model_id: number;
  component: string;
  kind: ComponentKind;
  layer: number | null;
}

/**
 * Per model, the contribution of every component to the top token's raw
 * logit over its analyses, in component order.
 */
export async function layerProfiles(
  context: StoreContext,
  modelFilter: Prisma.Sql,
): Promise<Map<number, LayerProfilePoint[]>> {
  // Every analysis of a model has its components in the manifest's order, so
  // a position names one component; grouping by it sorts integers, not text.
  const rows = await context.prisma.$queryRaw<LayerRow[]>`
    WITH contributions AS (
      SELECT a.model_id, c.position, c.component, c.kind, c.layer, c.raw AS value
        FROM analysis a
        JOIN installed_model m ON m.id = a.model_id
        JOIN analysis_target t ON t.analysis_id = a.id AND t.rank = 1
        JOIN contribution c ON c.target_id = t.id
       WHERE ${modelFilter} AND ${PUBLIC_ANALYSIS}
    )
    SELECT model_id, min(component) AS component, min(kind::text) AS kind,
           min(layer) AS layer, ${SPREAD_COLUMNS}
      FROM contributions
     GROUP BY model_id, position
     ORDER BY model_id, position`;

  const profiles = new Map<number, LayerProfilePoint[]>();
  for (const row of rows) {
    const points = profiles.get(row.model_id) ?? [];
    points.push({
      component: row.component,
      kind: row.kind,
      layer: row.layer,
      ...toSpreadPoint(row),
    });
    profiles.set(row.model_id, points);
  }
  return profiles;
}
