import { apiError, unexpectedApiError } from "../../../../api/apiErrors.ts";
import { env } from "../../../../env.ts";
import { submissionStatus } from "../../../../submit/submissionStatus.ts";

export const dynamic = "force-dynamic";

/** GET: how a submission queued through POST /api/analyses is doing. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ jobId: string }> },
): Promise<Response> {
  const { jobId } = await params;
  try {
    const status = await submissionStatus(jobId);
    if (status.state === "unknown") {
      return apiError(
        "NOT_FOUND",
        "There is no such submission (or it finished days ago).",
      );
    }
    return Response.json(
      status.state === "completed"
        ? { ...status, permalink: `${env().publicUrl}/analyses/${status.analysisId}` }
        : status,
    );
  } catch (error) {
    return unexpectedApiError("GET /api/submissions/[jobId]", error);
  }
}
