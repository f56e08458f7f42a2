import { toPublicAnalysis } from "../../../../analysis/publicAnalysis.ts";
import { storedAnalysisResponse } from "../../../../api/storedAnalysisResponse.ts";
import { env } from "../../../../env.ts";

export const dynamic = "force-dynamic";

/** GET: one analysis in full, as JSON; who asked is reduced to platform and display name. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  return storedAnalysisResponse(id, "GET /api/analyses/[id]", (stored) =>
    Response.json(toPublicAnalysis(stored, env().publicUrl)),
  );
}
