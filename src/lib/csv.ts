// CSV per RFC 4180 (CRLF line ends, quoted fields where needed), with dates as RFC 3339 and a
// guard against spreadsheet formula injection: credential names and descriptions are chosen by
// other people, and a cell starting with "=" would run as a formula when the file is opened.

export type CsvValue = string | number | boolean | Date | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
// OWASP's list: tab and carriage return can also start a formula in some spreadsheets.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (value instanceof Date) {
    text = Number.isNaN(value.getTime()) ? '' : value.toISOString();
  } else if (typeof value === 'number') {
    // A typed number cannot carry a formula; "-5" stays a number.
    text = Number.isFinite(value) ? String(value) : '';
  } else if (typeof value === 'boolean') {
    text = String(value);
  } else {
    text = FORMULA_START.test(value) ? `'${value}` : value;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => csvCell(c.header))];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))));
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/** An RFC 3339 timestamp for a string from the API, or empty when absent. */
export function csvDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}
