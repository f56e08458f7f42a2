import type { StoreContext } from "../database/StoreContext.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { FinalMlpShareStatistics, ShareDistribution } from "./dashboardTypes.ts";
import {
  ABSOLUTE_SHARE_BINS,
  type BinSpec,
  SIGNED_SHARE_BINS,
  toHistogram,
} from "./histogramBins.ts";
import {
  finalMlpShares,
  type GroupedRow,
  GROUPING_COLUMN,
  GROUPING_SETS,
  type GroupKey,
  groupKeyOf,
} from "./statisticsGroups.ts";

interface SummaryRow extends GroupedRow {
  analysis_count: number;
  signed_count: number;
  signed_mean: number | null;
  /** min, q1, median, q3, max; null when no share is defined. */
  signed_quantiles: number[] | null;
  absolute_count: number;
  absolute_mean: number | null;
  absolute_quantiles: number[] | null;
}

interface BucketRow extends GroupedRow {
  measure: "signed" | "absolute";
  bucket: number;
  count: number;
}

const QUANTILES = Prisma.sql`ARRAY[0, 0.25, 0.5, 0.75, 1]::float8[]`;

/**
 * The final MLP's share of the top token's logit, per model, per tying and
 * over all models: counts, mean, quartiles (two queries) and histograms.
 */
export async function shareDistributions(
  context: StoreContext,
  modelFilter: Prisma.Sql,
): Promise<Map<GroupKey, FinalMlpShareStatistics>> {
  const shares = finalMlpShares(modelFilter);
  const [summaries, buckets] = await Promise.all([
    context.prisma.$queryRaw<SummaryRow[]>`
      WITH shares AS (${shares})
      SELECT model_id, tied_embeddings, ${GROUPING_COLUMN},
             count(*)::int AS analysis_count,
             count(signed_share)::int AS signed_count,
             avg(signed_share) AS signed_mean,
             percentile_cont(${QUANTILES}) WITHIN GROUP (ORDER BY signed_share)
               AS signed_quantiles,
             count(absolute_share)::int AS absolute_count,
             avg(absolute_share) AS absolute_mean,
             percentile_cont(${QUANTILES}) WITHIN GROUP (ORDER BY absolute_share)
               AS absolute_quantiles
        FROM shares
       GROUP BY ${GROUPING_SETS}`,
    context.prisma.$queryRaw<BucketRow[]>(bucketQuery(shares)),
  ]);

  const histograms = groupBuckets(buckets);
  const statistics = new Map<GroupKey, FinalMlpShareStatistics>();
  for (const row of summaries) {
    const key = groupKeyOf(row);
    const counts = histograms.get(key);
    statistics.set(key, {
      analysisCount: row.analysis_count,
      signed: distribution(
        SIGNED_SHARE_BINS,
        row.signed_count,
        row.signed_mean,
        row.signed_quantiles,
        counts?.signed,
      ),
      absolute: distribution(
        ABSOLUTE_SHARE_BINS,
        row.absolute_count,
        row.absolute_mean,
        row.absolute_quantiles,
        counts?.absolute,
      ),
    });
  }
  return statistics;
}

/** No analyses: every figure empty. */
export function emptyShareStatistics(): FinalMlpShareStatistics {
  return {
    analysisCount: 0,
    signed: distribution(SIGNED_SHARE_BINS, 0, null, null, undefined),
    absolute: distribution(ABSOLUTE_SHARE_BINS, 0, null, null, undefined),
  };
}

/**
 * Bucket numbers as width_bucket gives them. An absolute share of exactly
 * 1 (one component wrote everything) belongs in the last bin, not above it.
 */
function bucketQuery(shares: Prisma.Sql): Prisma.Sql {
  const signed = SIGNED_SHARE_BINS;
  const absolute = ABSOLUTE_SHARE_BINS;
  return Prisma.sql`
    WITH shares AS (${shares}),
    bucketed AS (
      SELECT model_id, tied_embeddings, 'signed' AS measure,
             width_bucket(signed_share, ${signed.lower}::float8,
                          ${signed.upper}::float8, ${signed.count}::int) AS bucket
        FROM shares WHERE signed_share IS NOT NULL
      UNION ALL
      SELECT model_id, tied_embeddings, 'absolute',
             least(width_bucket(absolute_share, ${absolute.lower}::float8,
                                ${absolute.upper}::float8, ${absolute.count}::int),
                   ${absolute.count}::int)
        FROM shares WHERE absolute_share IS NOT NULL
    )
    SELECT model_id, tied_embeddings, ${GROUPING_COLUMN}, measure, bucket,
           count(*)::int AS count
      FROM bucketed
     GROUP BY GROUPING SETS ((model_id, tied_embeddings, measure, bucket),
                             (tied_embeddings, measure, bucket), (measure, bucket))`;
}

type BucketCounts = Record<BucketRow["measure"], Map<number, number>>;

function groupBuckets(rows: BucketRow[]): Map<GroupKey, BucketCounts> {
  const groups = new Map<GroupKey, BucketCounts>();
  for (const row of rows) {
    const key = groupKeyOf(row);
    const counts = groups.get(key) ?? { signed: new Map(), absolute: new Map() };
    counts[row.measure].set(row.bucket, row.count);
    groups.set(key, counts);
  }
  return groups;
}

function distribution(
  spec: BinSpec,
  count: number,
  mean: number | null,
  quantiles: number[] | null,
  buckets: ReadonlyMap<number, number> | undefined,
): ShareDistribution {
  const [min, q1, median, q3, max] = quantiles ?? [];
  return {
    count,
    mean: count > 0 ? mean : null,
    min: count > 0 ? (min ?? null) : null,
    q1: count > 0 ? (q1 ?? null) : null,
    median: count > 0 ? (median ?? null) : null,
    q3: count > 0 ? (q3 ?? null) : null,
    max: count > 0 ? (max ?? null) : null,
    ...toHistogram(spec, buckets ?? new Map()),
  };
}
