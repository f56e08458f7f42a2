import { Prisma } from "../generated/prisma/client.ts";
import { PUBLIC_ANALYSIS } from "../moderation/publicAnalysis.ts";
import type { StatisticsOptions } from "./dashboardTypes.ts";

/**
 * Which group a row of a `GROUP BY GROUPING SETS ((model_id,
 * tied_embeddings), (tied_embeddings), ())` query belongs to.
 */
export type GroupKey = `model:${number}` | "tied" | "untied" | "overall";

/** Columns every grouped statistics row carries. */
export interface GroupedRow {
  model_id: number | null;
  tied_embeddings: boolean | null;
  /** GROUPING(model_id, tied_embeddings): 0 per model, 2 per tying, 3 overall. */
  group_set: number;
}

/** The three grouping sets that statistics are computed over. */
export const GROUPING_SETS = Prisma.sql`
  GROUPING SETS ((model_id, tied_embeddings), (tied_embeddings), ())`;

/** The grouping column that tells a row's set apart. */
export const GROUPING_COLUMN = Prisma.sql`
  GROUPING(model_id, tied_embeddings)::int AS group_set`;

export function groupKeyOf(row: GroupedRow): GroupKey {
  if (row.group_set === 0 && row.model_id !== null) return `model:${row.model_id}`;
  if (row.group_set === 2) return row.tied_embeddings ? "tied" : "untied";
  return "overall";
}

/** A condition on `installed_model m` that keeps the models asked for. */
export function modelFilterOf(options: StatisticsOptions): Prisma.Sql {
  return options.models === undefined
    ? Prisma.sql`TRUE`
    : Prisma.sql`m.name = ANY(${options.models})`;
}

/**
 * The top token's final-MLP contribution per analysis, with both shares:
 * signed (null where core judged the logit too near zero) and absolute.
 * The final MLP is the MLP of layer n_layers − 1. Public analyses only.
 */
export function finalMlpShares(modelFilter: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT a.model_id, m.tied_embeddings,
           CASE WHEN t.raw_has_signed_shares THEN c.raw / t.raw_total END
             AS signed_share,
           abs(c.raw) / NULLIF(t.raw_positive_mass - t.raw_negative_mass, 0)
             AS absolute_share
      FROM analysis a
      JOIN installed_model m ON m.id = a.model_id
      JOIN analysis_target t ON t.analysis_id = a.id AND t.rank = 1
      JOIN contribution c ON c.target_id = t.id
                         AND c.kind = 'mlp' AND c.layer = m.n_layers - 1
     WHERE ${modelFilter} AND ${PUBLIC_ANALYSIS}`;
}
