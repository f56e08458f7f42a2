import type { StoreContext } from "../database/StoreContext.ts";
import { StoreError } from "../errors/StoreError.ts";
import { withStoreErrors } from "../errors/withStoreErrors.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { DEFAULT_PAGE_SIZE } from "../types.ts";
import { browseFilter } from "./browseFilter.ts";
import { type BrowsedAnalysisRow, toBrowsedAnalysis } from "./toBrowsedAnalysis.ts";
import {
  type BrowseAnalysesOptions,
  type BrowsePage,
  MAX_BROWSE_PAGE_SIZE,
} from "./dashboardTypes.ts";

/**
 * One page of the dashboard's list, newest first, with each analysis's top
 * token and the final MLP's part of its logit. Two queries: a count, then
 * the page.
 *
 * @throws {@link StoreError} INVALID_INPUT for a page or page size that is
 * not a whole number in range, an unknown platform or an invalid date;
 * UNAVAILABLE, NOT_MIGRATED
 */
export async function browseAnalyses(
  context: StoreContext,
  options: BrowseAnalysesOptions = {},
): Promise<BrowsePage> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  checkPaging(options.page ?? 1, pageSize);
  const where = browseFilter(options);

  return withStoreErrors(context, "list the analyses", async () => {
    const [counted] = await context.prisma.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total
        FROM analysis a JOIN installed_model m ON m.id = a.model_id
       WHERE ${where}`;
    const total = counted?.total ?? 0;
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(options.page ?? 1, pageCount);
    const rows = await context.prisma.$queryRaw<BrowsedAnalysisRow[]>(
      pageQuery(where, pageSize, (page - 1) * pageSize),
    );
    return { items: rows.map(toBrowsedAnalysis), page, pageSize, total, pageCount };
  });
}

/**
 * The page's ids come first, from the (created_at, id) order alone, so that
 * the rank-1 target and its final-MLP contribution are looked up (LATERAL,
 * by the primary keys of analysis_target and contribution) for the page's
 * rows only, not for every row an OFFSET skips.
 */
function pageQuery(where: Prisma.Sql, limit: number, offset: number): Prisma.Sql {
  return Prisma.sql`
    WITH page AS (
      SELECT a.id
        FROM analysis a JOIN installed_model m ON m.id = a.model_id
       WHERE ${where}
       ORDER BY a.created_at DESC, a.id DESC
       LIMIT ${limit} OFFSET ${offset}
    )
    SELECT a.id, a.created_at, a.prompt_text, a.k, a.named_targets,
           a.platform::text AS platform, a.user_display_name, a.identity_error,
           m.name AS model_name, m.display_name AS model_display_name,
           t.token_id, t.token, t.logit, t.probability,
           c.component AS final_mlp_component, c.raw AS final_mlp_value,
           CASE WHEN t.raw_has_signed_shares THEN c.raw / t.raw_total END
             AS final_mlp_signed_share,
           abs(c.raw) / NULLIF(t.raw_positive_mass - t.raw_negative_mass, 0)
             AS final_mlp_absolute_share
      FROM page
      JOIN analysis a ON a.id = page.id
      JOIN installed_model m ON m.id = a.model_id
      LEFT JOIN LATERAL (
        SELECT * FROM analysis_target
         WHERE analysis_id = a.id AND rank = 1
         ORDER BY position LIMIT 1
      ) t ON TRUE
      LEFT JOIN LATERAL (
        SELECT component, raw FROM contribution
         WHERE target_id = t.id AND kind = 'mlp' AND layer = m.n_layers - 1
         LIMIT 1
      ) c ON TRUE
     ORDER BY a.created_at DESC, a.id DESC`;
}

function checkPaging(page: number, pageSize: number): void {
  if (!Number.isSafeInteger(page) || page < 1) {
    throw new StoreError(
      "INVALID_INPUT",
      `page is ${String(page)}; pages are numbered from 1`,
    );
  }
  if (
    !Number.isSafeInteger(pageSize) ||
    pageSize < 1 ||
    pageSize > MAX_BROWSE_PAGE_SIZE
  ) {
    throw new StoreError(
      "INVALID_INPUT",
      `pageSize is ${String(pageSize)}; it must be a whole number from 1 to ` +
        String(MAX_BROWSE_PAGE_SIZE),
    );
  }
}
