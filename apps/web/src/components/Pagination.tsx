import Link from "next/link";

import { listHref, type ListQuery } from "../listing/listQuery.ts";

/** Previous and next links, keeping the filters. */
export function Pagination({
  query,
  pageCount,
}: {
  query: ListQuery;
  pageCount: number;
}) {
  const previous = query.page > 1 ? listHref(query, { page: query.page - 1 }) : null;
  const next = query.page < pageCount ? listHref(query, { page: query.page + 1 }) : null;
  return (
    <nav className="pagination" aria-label="Pages">
      {previous ? (
        <Link href={previous} rel="prev">
          ← Newer
        </Link>
      ) : (
        <span aria-disabled="true">← Newer</span>
      )}
      <span>
        Page {query.page} of {pageCount}
      </span>
      {next ? (
        <Link href={next} rel="next">
          Older →
        </Link>
      ) : (
        <span aria-disabled="true">Older →</span>
      )}
    </nav>
  );
}
