export * from "./analysisJob.ts";
export { JobsError, jobsErrorCodes } from "./JobsError.ts";
export type { JobsErrorCode } from "./JobsError.ts";
export {
  ANALYSES_QUEUE,
  openJobQueues,
  producerConnection,
  REPLIES_QUEUE,
  workerConnection,
} from "./jobQueues.ts";
export type { JobQueues } from "./jobQueues.ts";
export { focusTarget, replySummary } from "./replySummary.ts";
export { permalink } from "./permalink.ts";
