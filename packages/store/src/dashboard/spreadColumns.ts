import { Prisma } from "../generated/prisma/client.ts";
import type { SpreadPoint } from "./dashboardTypes.ts";

/** Columns of a {@link SpreadPoint} aggregated over the column `value`. */
export const SPREAD_COLUMNS = Prisma.sql`
  count(*)::int AS count, avg(value) AS mean, stddev_samp(value) AS sd,
  percentile_cont(ARRAY[0.25, 0.5, 0.75]::float8[]) WITHIN GROUP (ORDER BY value)
    AS quartiles`;

export interface SpreadRow {
  count: number;
  mean: number;
  sd: number | null;
  quartiles: number[];
}

export function toSpreadPoint(row: SpreadRow): SpreadPoint {
  const [q1, median, q3] = row.quartiles;
  return {
    count: row.count,
    mean: row.mean,
    standardDeviation: row.sd,
    q1: q1 ?? row.mean,
    median: median ?? row.mean,
    q3: q3 ?? row.mean,
  };
}
