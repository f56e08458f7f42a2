import type { ReplyJob } from "@attrib/jobs";

/** The name the chart has in chat. */
export const CHART_FILENAME = "attrib-chart.png";

/** The chart's PNG bytes, or null for a reply without a chart. */
export function chartAttachment(job: ReplyJob): Buffer | null {
  if (job.failure !== null || job.chartPngBase64 === null) return null;
  return Buffer.from(job.chartPngBase64, "base64");
}

/** Alt text of the chart, for screen readers. */
export function chartDescription(job: ReplyJob): string {
  const token = job.summary?.chartToken ?? "the top token";
  return `Per-layer contributions to the logit of ${JSON.stringify(token)}`;
}
