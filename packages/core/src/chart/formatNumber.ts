/** A signed number with a fixed count of decimals, using a true minus sign. */
export function formatSigned(value: number, decimals = 2): string {
  const text = Math.abs(value).toFixed(decimals);
  if (Number(text) === 0) return text;
  return `${value < 0 ? "−" : "+"}${text}`;
}

/** A share as a percentage, or a note when it is undefined. */
export function formatShare(share: number | null, decimals = 0): string {
  return share === null ? "n/a (total ≈ 0)" : `${(share * 100).toFixed(decimals)}%`;
}

/** Shows a token's text with its spaces and line breaks visible. */
export function quoteToken(token: string): string {
  return JSON.stringify(token);
}

/** A probability as a percentage with two significant digits when small. */
export function formatProbability(probability: number): string {
  const percent = probability * 100;
  return percent >= 0.1 ? `${percent.toFixed(1)}%` : `${percent.toPrecision(2)}%`;
}

/** `text` on one line, cut to at most `max` characters with an ellipsis. */
export function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** A rank in at most four characters: 7, 512, 4.5k, 48k. */
export function formatRank(rank: number): string {
  if (rank < 1000) return String(rank);
  if (rank < 10000) return `${(rank / 1000).toFixed(1)}k`;
  return `${Math.round(rank / 1000)}k`;
}
