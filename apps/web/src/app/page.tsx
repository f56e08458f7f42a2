import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { AnalysisTable } from "../components/AnalysisTable.tsx";
import { ListFilters } from "../components/ListFilters.tsx";
import { Pagination } from "../components/Pagination.tsx";
import {
  listHref,
  listQueryParams,
  parseListQuery,
  requestedParams,
  type SearchParams,
  toBrowseOptions,
} from "../listing/listQuery.ts";
import { dashboardStore } from "../server/dashboardStore.ts";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Analyses" };

/**
 * Every analysis, newest first. Parameters that are out of range (a page
 * past the last, an unknown model, an impossible date) are replaced by the
 * nearest valid ones and the browser is sent to that page's address.
 */
export default async function AnalysesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const params = await searchParams;
  const store = dashboardStore();
  const models = await store.listModels();
  const parsed = parseListQuery(
    params,
    models.map((m) => m.name),
  );
  const page = await store.browseAnalyses(toBrowseOptions(parsed));
  const query = { ...parsed, page: page.page };
  if (listQueryParams(query).toString() !== requestedParams(params).toString()) {
    redirect(listHref(query));
  }

  const filtered =
    query.search || query.model || query.platform || query.from || query.to;
  const csv = listQueryParams({ ...query, page: 1 }).toString();
  return (
    <>
      <h1>Analyses</h1>
      <p className="lead">
        Every prompt the community asked about, newest first. Open one to see which layers
        wrote its next token; the last column is the final MLP&apos;s signed share of the
        top token&apos;s logit.
      </p>
      <ListFilters query={query} models={models} />
      <div className="result-count">
        <span role="status">
          {page.total === 1 ? "1 analysis" : `${page.total} analyses`}
          {filtered ? " match" : ""}
        </span>
        <a href={`/api/analyses.csv${csv ? `?${csv}` : ""}`}>Download CSV</a>
      </div>
      {page.items.length > 0 ? (
        <AnalysisTable items={page.items} />
      ) : (
        <p className="panel">
          {filtered ? (
            <>
              Nothing matches. <Link href="/">Show all analyses</Link>.
            </>
          ) : (
            <>
              No analyses yet. <Link href="/submit">Ask the first one</Link>.
            </>
          )}
        </p>
      )}
      <Pagination query={query} pageCount={page.pageCount} />
    </>
  );
}
