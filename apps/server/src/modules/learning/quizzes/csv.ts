/**
 * CSV for spreadsheets: RFC 4180 (fields with a comma, quote, CR or LF are quoted, quotes doubled,
 * CRLF between records), a UTF-8 byte-order mark so Excel reads the accents right, and text cells
 * that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a CR) prefixed with an
 * apostrophe (OWASP "CSV injection"). Numbers and booleans are ours, never a student's text, so they
 * are written as they are.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole document, BOM first. */
export function toCsv(rows: CsvCell[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
