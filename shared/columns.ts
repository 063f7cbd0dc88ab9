// A1 addressing: column letters ↔ 0-based indexes.

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
