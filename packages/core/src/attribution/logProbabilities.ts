/**
 * log Σ exp(logits), computed stably in float64.
 *
 * @param logits - [d_vocab]
 */
export function logSumExp(logits: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i] ?? -Infinity);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp((logits[i] ?? -Infinity) - max);
  return max + Math.log(sum);
}

/** 1-based rank of `tokenId` by logit; ties rank by the better position. */
export function rankOf(logits: ArrayLike<number>, tokenId: number): number {
  const logit = logits[tokenId] ?? -Infinity;
  let above = 0;
  for (let i = 0; i < logits.length; i++) if ((logits[i] ?? -Infinity) > logit) above++;
  return above + 1;
}
