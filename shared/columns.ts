// A1 addressing: column letters ↔ 0-based indexes; column mappings.
import { FIELD_KEYS, type ColumnMap, type FieldKey } from './types';

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index0: number): string {
  if (!Number.isInteger(index0) || index0 < 0) throw new RangeError(`bad column index ${index0}`);
  let n = index0 + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 0, AA → 26; case-insensitive. */
export function columnIndex(letter: string): number {
  const s = letter.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) throw new RangeError(`bad column letter ${letter}`);
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const ADDRESS = /^\$?([A-Z]{1,3})\$?(\d+)$/i;

/** 1-based row and 0-based column of an A1 address (`C6`, `$C$6`), or null when it is not one. */
export function parseCellAddress(address: string): { row: number; col: number } | null {
  const m = ADDRESS.exec(address.trim());
  return m ? { row: Number(m[2]), col: columnIndex(m[1]) } : null;
}

/** `cellAddress(6, 'C')` → C6; `cellAddress(6, 2)` → C6 (0-based column index). */
export function cellAddress(row1: number, column: string | number): string {
  const letter = typeof column === 'number' ? columnLetter(column) : column.trim().toUpperCase();
  return `${letter}${row1}`;
}

const COLUMN_LETTERS = /^[A-Z]{1,3}$/;

export type ColumnMapParse = { ok: true; columns: ColumnMap } | { ok: false; path: string };

/** A column mapping from outside (an API body, a setting saved in a workbook anyone may edit): an
 *  object of known fields to column letters. When it is not, `path` names the bad part. */
export function parseColumnMap(value: unknown): ColumnMapParse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, path: 'columns' };
  const columns: ColumnMap = {};
  for (const [field, letter] of Object.entries(value)) {
    if (!(FIELD_KEYS as readonly string[]).includes(field) || typeof letter !== 'string' || !COLUMN_LETTERS.test(letter)) {
      return { ok: false, path: `columns.${field}` };
    }
    columns[field as FieldKey] = letter;
  }
  return { ok: true, columns };
}
