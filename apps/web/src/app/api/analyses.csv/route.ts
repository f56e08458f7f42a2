import { MAX_BROWSE_PAGE_SIZE } from "@attrib/store";

import { unexpectedApiError } from "../../../api/apiErrors.ts";
import { LIST_CSV_HEADER, listCsvRow } from "../../../csv/listCsv.ts";
import { env } from "../../../env.ts";
import {
  parseListQuery,
  type SearchParams,
  toBrowseOptions,
} from "../../../listing/listQuery.ts";
import { dashboardStore } from "../../../server/dashboardStore.ts";

export const dynamic = "force-dynamic";

/**
 * GET: every analysis that passes the list's filters, as CSV, newest first,
 * read and sent a page at a time. Analyses stored after the export began
 * are left out, so that paging never shifts rows.
 */
export async function GET(request: Request): Promise<Response> {
  const params: SearchParams = Object.fromEntries(new URL(request.url).searchParams);
  const store = dashboardStore();
  let filter;
  try {
    const models = await store.listModels();
    const options = toBrowseOptions(
      parseListQuery(
        params,
        models.map((m) => m.name),
      ),
    );
    const now = new Date();
    filter = {
      ...options,
      until: options.until && options.until < now ? options.until : now,
    };
  } catch (error) {
    return unexpectedApiError("GET /api/analyses.csv", error);
  }

  const encoder = new TextEncoder();
  let page = 1;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(LIST_CSV_HEADER));
    },
    async pull(controller) {
      const batch = await store.browseAnalyses({
        ...filter,
        page,
        pageSize: MAX_BROWSE_PAGE_SIZE,
      });
      const rows = batch.items.map((item) => listCsvRow(item, env().publicUrl)).join("");
      if (rows) controller.enqueue(encoder.encode(rows));
      if (batch.page >= batch.pageCount) controller.close();
      page += 1;
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="attrib-analyses.csv"',
    },
  });
}
