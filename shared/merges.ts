// Merged cells hold their value at the top-left cell only (in Excel's `range.values` and in .xlsx files).
// Trackers often merge a column over several rows to write a point or a date once for several activities:
// that means "the same on each of these rows", so the reader must see the value on every row.
import { columnIndex } from './columns';
import type { CellValue, Grid } from './types';

const RANGE = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/i;

/**
 * Copies each merge's value down its first column, for merges spanning more than one row. Merges within a
 * single row (titles across the table, notes) are left alone, so title and notes rows still read as such.
 * Mutates and returns `grid`; ranges that are not A1 ranges are ignored.
 */
export function fillMergedDown(grid: Grid, merges: readonly string[], onFill?: (value: CellValue, row: number, col: number) => void): Grid {
  for (const range of merges) {
    const m = RANGE.exec(range.trim());
    if (!m) continue;
    const col = columnIndex(m[1]);
    const top = Number(m[2]) - 1;
    const bottom = Number(m[4]) - 1;
    if (bottom <= top || columnIndex(m[3]) < col) continue;
    const value = grid[top]?.[col];
    if (value === null || value === undefined || value === '') continue;
    for (let r = top + 1; r <= bottom; r++) {
      const row = (grid[r] ??= []);
      if (row[col] === null || row[col] === undefined || row[col] === '') {
        // A copy is text the reader sees once more: a text budget counts it (onFill).
        onFill?.(value, r, col);
        row[col] = value;
      }
    }
  }
  return grid;
}
