// Cell values between our types and Excel's `range.values`.
import { sanitizeCellText } from '../../shared';
import type { CellValue } from '../../shared/types';

/** The value Excel receives. Dates become serial numbers (the cell gets a date format beside). */
export type ExcelCell = string | number | boolean;

const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system for serials after 1900-03-01 (Excel's 1900-02-29 bug folded in). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Dates are days: the UTC calendar parts decide (exceljs gives UTC-midnight Dates). */
function dateToSerial(date: Date): number {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return (day - EXCEL_EPOCH_UTC) / MS_PER_DAY;
}

/**
 * Text Excel would not keep as typed when written through `range.values`: it parses it as a number
 * (001 → 1, 1,000, 1e5), a percentage (50% → 0.5), a date (2017-01, 2017/1/5, 1/5/2017) or a
 * logical value (office-js #229 shows a string turned into a date), and drops a leading apostrophe.
 */
const COERCED_BY_EXCEL: RegExp[] = [
  /^\s*[+-]?[\d.,]*\d[\d.,]*([eE][+-]?\d+)?\s*%?\s*$/,
  /^\s*\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?\s*$/,
  /^\s*\d{1,2}[-/ ][A-Za-z]{3,9}([-/ ]\d{2,4})?\s*$/,
  /^\s*\d{1,2}:\d{2}(:\d{2})?\s*([AaPp][Mm])?\s*$/,
  /^\s*(TRUE|FALSE)\s*$/i,
  /^'/,
];

/**
 * Text for `range.values` that Excel stores exactly as given: formula-like text through
 * sanitizeCellText (never a formula), and text Excel would turn into something else behind a
 * leading apostrophe (Excel's quote prefix: the cell is text, the apostrophe is not shown).
 */
export function excelText(text: string): string {
  const safe = sanitizeCellText(text);
  if (safe !== text) return safe;
  return COERCED_BY_EXCEL.some((pattern) => pattern.test(text)) ? `'${text}` : text;
}

function toExcelCell(value: CellValue): ExcelCell {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === 'string') return excelText(value);
  return value;
}

/** Excel reports empty cells as "": the core expects null there, as the .xlsx reader gives. */
function fromExcelCell(value: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** One row of a range's `values` as grid cells, with empty cells for the columns left of the range. */
export function fromExcelRow(row: unknown[], firstColumn: number): CellValue[] {
  const cells: CellValue[] = new Array<CellValue>(firstColumn).fill(null);
  for (const value of row) cells.push(fromExcelCell(value));
  return cells;
}

/** A rectangular block of `width` columns, as `range.values` requires. */
export function toExcelRows(rows: CellValue[][], width: number): ExcelCell[][] {
  return rows.map((row) => {
    const out: ExcelCell[] = new Array(width);
    for (let c = 0; c < width; c++) out[c] = toExcelCell(row[c]);
    return out;
  });
}
