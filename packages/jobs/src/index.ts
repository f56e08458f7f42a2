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
export {
  DELETION_LINK_TTL_MS,
  deletionLink,
  deletionTokenValid,
  parseDeletionToken,
  signDeletionToken,
} from "./deletionLink.ts";
export type { DeletionToken, LinkAuthor } from "./deletionLink.ts";
