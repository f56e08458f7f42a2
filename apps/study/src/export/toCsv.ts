import type { MeasureRow } from "./measureRow.ts";

/**
 * Rows as CSV (RFC 4180): a header line, fields quoted when they hold a
 * comma, quote or line break, empty for null.
 */
export function toCsv(columns: readonly string[], rows: readonly MeasureRow[]): string {
  const line = (fields: readonly (string | number | boolean | null | undefined)[]) =>
    fields.map(csvField).join(",");
  return [line(columns), ...rows.map((row) => line(columns.map((c) => row[c])))]
    .map((text) => `${text}\r\n`)
    .join("");
}

function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
