import { unexpectedApiError } from "../../../api/apiErrors.ts";
import { loadStatistics } from "../../../statistics/loadStatistics.ts";

export const dynamic = "force-dynamic";

/** GET: the statistics page's numbers as JSON, with when they were computed. */
export async function GET(): Promise<Response> {
  try {
    const { statistics, computedAt } = await loadStatistics();
    return Response.json({ computedAt: computedAt.toISOString(), ...statistics });
  } catch (error) {
    return unexpectedApiError("GET /api/statistics", error);
  }
}
