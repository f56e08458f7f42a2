/**
 * Number formats of the dashboard. Browser code cannot import @attrib/core
 * (it loads onnxruntime), so the page keeps its own, matching core's chart.
 */

/** A signed number with a true minus sign, e.g. "+13.624", "−0.191". */
export function formatSigned(value: number, decimals = 3): string {
  const text = Math.abs(value).toFixed(decimals);
  if (Number(text) === 0) return text;
  return `${value < 0 ? "−" : "+"}${text}`;
}

/** A plain number with a true minus sign. */
export function formatNumber(value: number, decimals = 3): string {
  const text = Math.abs(value).toFixed(decimals);
  return value < 0 && Number(text) !== 0 ? `−${text}` : text;
}

/** A share as a percentage; null (a total too near zero) says so instead. */
export function formatShare(share: number | null, decimals = 1): string {
  if (share === null) return "n/a (total ≈ 0)";
  return `${formatNumber(share * 100, decimals)}%`;
}

/** A probability as a percentage with two significant digits when small. */
export function formatProbability(probability: number): string {
  const percent = probability * 100;
  return percent >= 0.1 ? `${percent.toFixed(1)}%` : `${percent.toPrecision(2)}%`;
}

/** A small error in scientific notation, e.g. "1.6e-5". */
export function formatError(error: number): string {
  return error === 0 ? "0" : error.toExponential(1).replace("e-", "e−");
}

/** A token's text with its spaces and line breaks visible: `" Jobs"`. */
export function quoteToken(token: string): string {
  return JSON.stringify(token);
}
