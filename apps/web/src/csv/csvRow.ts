export type CsvCell = string | number | boolean | null;

/**
 * Characters that make a spreadsheet read a cell as a formula. Text cells
 * starting with one get a leading apostrophe, so a prompt like `=HYPERLINK(…)`
 * stays text when the export is opened.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim()
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

/** One CSV line (RFC 4180), ending in CRLF. */
export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(cell).join(",")}\r\n`;
}
