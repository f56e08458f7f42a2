import type { BinSpec } from "../statistics/histogram.ts";

/** Signed shares from −100% to 200% in steps of 10%; the rest counts as below or above. */
export const SIGNED_SHARE_BINS: BinSpec = { lower: -1, upper: 2, count: 30 };

/** Absolute shares lie in [0, 1]: steps of 5%. */
export const ABSOLUTE_SHARE_BINS: BinSpec = { lower: 0, upper: 1, count: 20 };

/**
 * The range of signed shares first reported for the final MLP with the
 * rough method on a handful of prompts, which the study puts to the test.
 */
export const CLAIMED_SHARE_RANGE = { lower: 0.6, upper: 0.9 } as const;
