/** 1-based rank of `tokenId` by logit; ties rank by the better position. */
export function rankOf(logits: ArrayLike<number>, tokenId: number): number {
  const logit = logits[tokenId] ?? -Infinity;
  let above = 0;
  for (let i = 0; i < logits.length; i++) if ((logits[i] ?? -Infinity) > logit) above++;
  return above + 1;
}
