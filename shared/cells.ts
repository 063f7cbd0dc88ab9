// Cell values as text: what a person sees in the cell, for messages and raw-text fields.
import type { CellValue } from './types';

/** yyyy-mm-dd of a Date by its UTC parts (readers give dates as UTC midnight). */
export function isoFromUtcDate(d: Date): string {
  const [y, m, day] = utcDateParts(d);
  return `${y.toString().padStart(4, '0')}-${pad2(m)}-${pad2(day)}`;
}

/** [year, month, day] of a Date by its UTC parts, to the nearest second (spreadsheet dates carry
 *  float error: 2017-03-14T23:59:59.999Z is 2017-03-15). */
export function utcDateParts(d: Date): [number, number, number] {
  const t = d.getTime();
  const rounded = t % 1000 === 0 ? d : new Date(Math.round(t / 1000) * 1000);
  return [rounded.getUTCFullYear(), rounded.getUTCMonth() + 1, rounded.getUTCDate()];
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The trimmed text of a cell; '' for empty cells. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoFromUtcDate(value);
  return '';
}

/** True when the cell holds nothing a person would call content. */
export function isBlank(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') {
    if (value.length === 0) return true;
    const t = value.trim();
    return t === '' || (t.charCodeAt(0) === 0x200b && t.replace(/\u200b/g, '').trim() === '');
  }
  return false;
}

/** The cell text or null when blank. */
export function textOrNull(value: CellValue): string | null {
  const t = cellText(value);
  return t === '' ? null : t;
}

/** A plain cell value from what an .xlsx reader may hand over instead: exceljs gives rich text
 *  (`{ richText: [{ text }] }`), formulas (`{ formula, result }`), hyperlinks (`{ text, hyperlink }`)
 *  and errors (`{ error: '#N/A' }`) as objects. */
export function plainValue(v: unknown, depth = 0): CellValue {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) {
    return v;
  }
  if (typeof v !== 'object' || depth > 3) return null;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    return o.richText.map((run: unknown) => (run && typeof run === 'object' && typeof (run as { text?: unknown }).text === 'string' ? (run as { text: string }).text : '')).join('');
  }
  if ('result' in o) return plainValue(o.result, depth + 1);
  if ('text' in o) return plainValue(o.text, depth + 1);
  if (typeof o.error === 'string') return o.error;
  return null;
}

/** The row itself when every cell is plain (the usual case, no copy), else a plain copy. */
export function plainRow(row: readonly unknown[]): CellValue[] {
  for (const v of row) {
    if (typeof v === 'object' && v !== null && !(v instanceof Date)) return row.map((c) => plainValue(c));
  }
  return row as CellValue[];
}
