import type { ConfidenceInterval, Proportion, Summary } from "@attrib/study";

/** 0.623 as `62.3%`; null as `n/a`. */
export function percent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "n/a";
  return `${(value * 100).toFixed(digits).replace("-", "−")}%`;
}

/** A number with a sign and fixed digits: `+1.23`, `−0.40`; null as `n/a`. */
export function signed(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "n/a";
  const text = Math.abs(value).toFixed(digits);
  return value < 0 ? `−${text}` : `+${text}`;
}

/** A plain number with fixed digits; null as `n/a`. */
export function plain(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "n/a";
  return value.toFixed(digits).replace("-", "−");
}

type Format = (value: number | null | undefined) => string;

/** `[55.1%, 66.0%]`, or an empty string without an interval. */
export function interval(value: ConfidenceInterval | null, format: Format): string {
  return value ? `[${format(value.lower)}, ${format(value.upper)}]` : "";
}

/** `62.3% [55.1%, 66.0%]`: the median with its bootstrap interval. */
export function medianWithInterval(summary: Summary, format: Format): string {
  if (summary.median === null) return "n/a";
  return `${format(summary.median)} ${interval(summary.medianInterval, format)}`;
}

/** `41.0% – 80.2%`: the interquartile range. */
export function quartileRange(summary: Summary, format: Format): string {
  if (summary.q1 === null || summary.q3 === null) return "n/a";
  return `${format(summary.q1)} – ${format(summary.q3)}`;
}

/** `123/500 = 24.6% [21.0%, 28.6%]`: a proportion with its Wilson interval. */
export function fraction(value: Proportion): string {
  if (value.fraction === null) return `0/0`;
  return (
    `${value.successes}/${value.trials} = ${percent(value.fraction)} ` +
    interval(value.interval, (v) => percent(v))
  );
}

/** Text safe inside a Markdown table cell or inline code. */
export function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, "⏎").replace(/`/g, "ˋ");
}

/** A Markdown table from a header row and body rows. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
