// Tables pasted from Word: a Word cell of several paragraphs becomes several Excel rows, the other
// cells of the record merged over them. Such a continuation row (a second line of the participants
// or the title) is part of the record above, not a second activity.
import { cellText, isBlank } from './cells';
import { columnIndex } from './columns';
import type { CellValue } from './types';

const RANGE = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/i;

/** Where the sheet's merged areas reach below their first row: for each covered cell (0-based row
 *  and column), the 0-based row the merge starts at. */
export class MergeCover {
  private readonly top = new Map<string, number>();

  constructor(merges: readonly string[] = []) {
    for (const range of merges) {
      const m = RANGE.exec(range.trim());
      if (!m) continue;
      const [c1, r1, c2, r2] = [columnIndex(m[1]), Number(m[2]) - 1, columnIndex(m[3]), Number(m[4]) - 1];
      if (r2 <= r1 || c2 < c1 || (r2 - r1 + 1) * (c2 - c1 + 1) > 1_000_000) continue;
      for (let r = r1 + 1; r <= r2; r++) for (let c = c1; c <= c2; c++) this.top.set(`${r},${c}`, r1);
    }
  }

  /** The first row of the merge covering this cell from above, or -1 when none does. */
  mergedFrom(row: number, col: number): number {
    return this.top.get(`${row},${col}`) ?? -1;
  }
}

/** The columns a reader gives the continuation rule: those that say which activity a row is
 *  (date, type, point, the date's parts) and those that describe it. */
export interface ContinuationColumns {
  key: number[];
  text: number[];
}

/** The record a continuation row would join: its first row (0-based) and its cells so far. */
export interface OpenRecord {
  row: number;
  last: number;
  cells: CellValue[];
}

function own(row: CellValue[], r: number, c: number, cover: MergeCover): boolean {
  return !isBlank(row[c]) && cover.mergedFrom(r, c) < 0;
}

/**
 * True when row `r` (0-based) continues `record`: it follows the record's last row, has no date,
 * type or point of its own (a value a merge repeats is not its own), and either the record's cells
 * are merged over it, or its only text continues description fields the record already has. A row
 * whose text is only in fields that never make a record (`describesOnly`: participants, leader,
 * remarks) continues the record above even where that field was blank, rather than being lost.
 * A row with a date of its own is never a continuation, so two dated rows are never one record.
 */
export function continuesRecord(
  row: CellValue[],
  r: number,
  record: OpenRecord,
  cols: ContinuationColumns,
  cover: MergeCover,
  describesOnly: boolean,
): boolean {
  if (r !== record.last + 1) return false;
  if (cols.key.some((c) => own(row, r, c, cover))) return false;
  const texts = new Set(cols.text);
  let ownCells = 0;
  let mergedOver = false;
  let covered = false;
  let continuesText = true;
  for (let c = 0; c < row.length; c++) {
    const from = cover.mergedFrom(r, c);
    if (from >= record.row) mergedOver = true;
    if (from >= 0) covered = true;
    if (!own(row, r, c, cover)) continue;
    ownCells++;
    // A number of its own outside the described fields (a 序号) starts a record of its own.
    if (!texts.has(c) && typeof row[c] === 'number') return false;
    if (!texts.has(c) || (isBlank(record.cells[c]) && !(describesOnly && typeof row[c] === 'string'))) continuesText = false;
  }
  // Nothing of its own, only what merges repeat: a blank line of the merged block, not an activity.
  if (ownCells === 0) return covered;
  return mergedOver || continuesText;
}

/** The record's cells with the continuation row's own text appended to each field (on a new
 *  line, as the Word cell had it); nothing of either is dropped. */
export function appendContinuation(cells: CellValue[], row: CellValue[], r: number, cover: MergeCover): CellValue[] {
  const out = cells.slice();
  for (let c = 0; c < row.length; c++) {
    if (!own(row, r, c, cover)) continue;
    out[c] = isBlank(out[c]) ? row[c] : `${cellText(out[c])}\n${cellText(row[c])}`;
  }
  return out;
}
