import { MAX_PAGE_SIZE } from "@attrib/store";

import { apiError, unexpectedApiError } from "../../../api/apiErrors.ts";
import { publicListItem } from "../../../api/publicListItem.ts";
import { env } from "../../../env.ts";
import {
  parseListQuery,
  type SearchParams,
  toBrowseOptions,
} from "../../../listing/listQuery.ts";
import { dashboardStore } from "../../../server/dashboardStore.ts";
import { clientAddress } from "../../../submit/clientAddress.ts";
import { submitAnalysis } from "../../../submit/submitAnalysis.ts";

export const dynamic = "force-dynamic";

function pageSizeOf(typed: string | null): number {
  const size = Number(typed ?? "");
  return Number.isInteger(size) && size >= 1 ? Math.min(size, MAX_PAGE_SIZE) : 20;
}

/**
 * GET: one page of analyses as JSON, with the list page's parameters
 * (search, model, platform, from, to, page) and `pageSize` up to 100.
 * Out-of-range parameters give the nearest valid page; `query` says which.
 */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const params: SearchParams = Object.fromEntries(url.searchParams);
  try {
    const store = dashboardStore();
    const models = await store.listModels();
    const query = parseListQuery(
      params,
      models.map((m) => m.name),
    );
    const page = await store.browseAnalyses({
      ...toBrowseOptions(query),
      pageSize: pageSizeOf(url.searchParams.get("pageSize")),
    });
    return Response.json({
      query: { ...query, page: page.page },
      page: page.page,
      pageSize: page.pageSize,
      pageCount: page.pageCount,
      total: page.total,
      items: page.items.map((item) => publicListItem(item, env().publicUrl)),
    });
  } catch (error) {
    return unexpectedApiError("GET /api/analyses", error);
  }
}

function field(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

/**
 * POST `{ text, model?, k?, target? }`: queues an analysis with the same
 * limits as the form and the chat bot. 202 with the job's status URL; 200
 * with the analysis when the same question was answered recently.
 */
export async function POST(request: Request): Promise<Response> {
  const body: unknown = await request.json().catch(() => null);
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return apiError(
      "INVALID_INPUT",
      'The body must be a JSON object like {"text": "Steve", "k": 5}.',
    );
  }
  const fields = body as Record<string, unknown>;
  const client = clientAddress(
    request.headers.get("x-forwarded-for"),
    env().trustedProxies,
  );
  const outcome = await submitAnalysis(
    {
      text: field(fields, "text"),
      model: field(fields, "model"),
      k: field(fields, "k"),
      target: field(fields, "target"),
    },
    client,
  );
  const { publicUrl } = env();
  switch (outcome.kind) {
    case "invalid":
      return apiError("INVALID_INPUT", Object.values(outcome.errors).join(" "), {
        fields: outcome.errors,
      });
    case "rate-limited":
      return apiError(
        "RATE_LIMITED",
        outcome.message,
        { retryAfterSeconds: outcome.retryAfterSeconds },
        { "retry-after": String(outcome.retryAfterSeconds) },
      );
    case "unavailable":
      return apiError("UNAVAILABLE", outcome.message);
    case "reused":
      return Response.json({
        analysisId: outcome.analysisId,
        permalink: `${publicUrl}/analyses/${outcome.analysisId}`,
      });
    case "queued":
      return Response.json(
        { jobId: outcome.jobId, status: `${publicUrl}/api/submissions/${outcome.jobId}` },
        { status: 202 },
      );
  }
}
