/** Most top tokens one analysis attributes; the bot accepts the same. */
export const MAX_K = 20;
/** Top tokens attributed when the submitter names no k. */
export const DEFAULT_K = 5;
