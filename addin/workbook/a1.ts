// A1 addresses ↔ 0-based indexes, for the office.js side (getRangeByIndexes wants indexes).
import { columnLetter } from '../../shared';
import { parseCellAddress } from '../../shared/columns';

export interface CellRef {
  row: number;
  col: number;
}

/** 0-based row/column of an A1 cell such as `C7` (absolute `$C$7` accepted). */
export function parseCell(address: string): CellRef {
  const cell = parseCellAddress(address);
  if (!cell) throw new Error(`Not an A1 cell address: ${address}`);
  return { row: cell.row - 1, col: cell.col };
}

export interface RangeRef {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** 0-based box of an A1 range (`C2:E13`) or single cell. */
export function parseRange(address: string): RangeRef {
  const [a, b = a] = address.split(':');
  const p = parseCell(a);
  const q = parseCell(b);
  const top = Math.min(p.row, q.row);
  const left = Math.min(p.col, q.col);
  return { top, left, rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
}

export function rangeAddress(ref: RangeRef): string {
  const start = `${columnLetter(ref.left)}${ref.top + 1}`;
  const end = `${columnLetter(ref.left + ref.cols - 1)}${ref.top + ref.rows}`;
  return start === end ? start : `${start}:${end}`;
}
