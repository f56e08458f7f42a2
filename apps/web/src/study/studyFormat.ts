import type { ConfidenceInterval, Proportion, Summary } from "@attrib/study";

import { formatShare } from "../format/numbers.ts";

/** `44.0% [42.1, 45.6]`: a median and its bootstrap interval, as percentages. */
export function shareWithInterval(summary: Summary): string {
  if (summary.median === null) return "n/a";
  return `${formatShare(summary.median, 1)}${intervalText(summary.medianInterval, 100)}`;
}

/** `+1.23 [+0.90, +1.50]`: a median in logits with its interval. */
export function valueWithInterval(summary: Summary): string {
  if (summary.median === null) return "n/a";
  return `${signedNumber(summary.median)}${intervalText(summary.medianInterval, 1, true)}`;
}

/** `14.8% (78 of 527)`, with its Wilson interval in the title where wanted. */
export function proportionText(proportion: Proportion): string {
  if (proportion.fraction === null) return "n/a (none)";
  return `${formatShare(proportion.fraction, 1)} (${proportion.successes} of ${proportion.trials})`;
}

/** A number with a sign, minus as U+2212. */
export function signedNumber(value: number | null, decimals = 2): string {
  if (value === null || !Number.isFinite(value)) return "n/a";
  const text = Math.abs(value).toFixed(decimals);
  return value < 0 ? `−${text}` : `+${text}`;
}

function intervalText(
  interval: ConfidenceInterval | null,
  scale: number,
  signed = false,
): string {
  if (!interval) return "";
  const show = (value: number) =>
    signed ? signedNumber(value) : (value * scale).toFixed(1).replace("-", "−");
  return ` [${show(interval.lower)}, ${show(interval.upper)}]`;
}
