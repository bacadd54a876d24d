/**
 * One CSV writer for every export, in the form Excel opens directly in a Swedish locale: UTF-8 with a byte
 * order mark (so that å, ä and ö survive), `;` between fields (`,` is the decimal separator), CRLF line ends
 * and RFC 4180 quoting.
 *
 * Cells are neutralised against formula injection as OWASP advises: a text cell whose first character is
 * `=`, `+`, `-`, `@`, tab or CR (also after leading whitespace) gets a leading `'`, so that a spreadsheet
 * shows it as text instead of evaluating it. A text that is nothing but a plain negative number
 * ("-1 250,00", "-3,5") cannot be a formula and stays a number; a `number` cell is written as a number.
 */

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_MIME_TYPE = 'text/csv;charset=utf-8';

/** Text, a number (written with a decimal comma), or nothing (an empty field). */
export type CsvCell = string | number | null | undefined;

export interface CsvOptions {
  /** 'needed' (default) quotes only fields that must be quoted; 'always' quotes every field. */
  quote?: 'needed' | 'always';
}

// Full-width forms are included because some spreadsheets read them as the ASCII operators.
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);
const LEADING_WHITESPACE = /^[^\S\t\r]+/;
/** An optional minus, digits (optionally grouped in threes by a space), an optional decimal part. */
const PLAIN_NEGATIVE_NUMBER = /^-(?:\d+|\d{1,3}(?:[ \u00A0\u202F]\d{3})+)(?:[.,]\d+)?$/;
const MUST_QUOTE = /[";\r\n]|^\s|\s$/;

/** Prefixes `'` to a text a spreadsheet would read as a formula; any other text is returned unchanged. */
export function neutraliseFormula(text: string): string {
  const first = text.charAt(0);
  if (first === '\t' || first === '\r') return `'${text}`;
  const rest = text.replace(LEADING_WHITESPACE, '');
  if (!FORMULA_TRIGGERS.has(rest.charAt(0))) return text;
  if (PLAIN_NEGATIVE_NUMBER.test(rest)) return text;
  return `'${text}`;
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`A CSV number must be finite, got ${value}.`);
  return String(value).replace('.', ',');
}

/** One field, neutralised and quoted per RFC 4180 (a `"` inside is doubled). */
export function csvField(value: CsvCell, options: CsvOptions = {}): string {
  const text =
    value === null || value === undefined
      ? ''
      : typeof value === 'number'
        ? numberText(value)
        : neutraliseFormula(value);
  return options.quote === 'always' || MUST_QUOTE.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly CsvCell[], options: CsvOptions = {}): string {
  return cells.map((cell) => csvField(cell, options)).join(CSV_SEPARATOR);
}

/** A whole file: BOM, one CRLF-terminated line per row. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  return CSV_BOM + rows.map((row) => `${csvRow(row, options)}\r\n`).join('');
}
