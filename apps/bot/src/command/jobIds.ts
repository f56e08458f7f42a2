import type { CommandContext } from "./AttribCommand.ts";

/** BullMQ reserves `:` in ids; platform ids never need more than this. */
const UNSAFE = /[^A-Za-z0-9._-]/g;

/**
 * The analysis job id of a chat request: the same for a redelivery of the
 * same request, so that it is queued once.
 */
export function analysisJobId(context: Pick<CommandContext, "platform" | "requestId">) {
  return `${context.platform}-${context.requestId.replace(UNSAFE, "_")}`;
}

/**
 * The id of the one reply an analysis job may cause, whatever its retries.
 * The worker names its replies the same way.
 */
export function replyJobId(analysisJob: string): string {
  return `reply-${analysisJob}`;
}
