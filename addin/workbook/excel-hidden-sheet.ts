// Our very-hidden state sheets in Excel (annotation memos, settings): read whole, rewritten whole.
import type { CellValue } from '../../shared/types';
import { fromExcelRow, toExcelRows } from './excel-values';
import { ROW_BLOCK } from './port';

export interface HiddenSheet {
  exists: boolean;
  rows: CellValue[][];
}

/** The sheet's used cells (rows: [] when it does not exist). At most two syncs. */
export async function readHiddenSheet(context: Excel.RequestContext, name: string): Promise<HiddenSheet> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  await context.sync();
  if (sheet.isNullObject) return { exists: false, rows: [] };
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('values, rowIndex, columnIndex');
  await context.sync();
  if (used.isNullObject) return { exists: true, rows: [] };
  const grid: CellValue[][] = Array.from({ length: used.rowIndex }, () => []);
  for (const row of used.values) grid.push(fromExcelRow(row, used.columnIndex));
  return { exists: true, rows: grid };
}

/**
 * Replaces the sheet with `rows` (or removes it when there are none), very hidden so that people
 * never stumble on it. Values are queued in row blocks; the caller's next sync sends the last one.
 */
export async function writeHiddenSheet(
  context: Excel.RequestContext,
  name: string,
  rows: CellValue[][],
  exists: boolean,
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  if (exists) worksheets.getItem(name).delete();
  if (rows.length === 0) return;
  const sheet = worksheets.add(name);
  sheet.visibility = 'VeryHidden';
  const width = rows.reduce((w, r) => Math.max(w, r.length), 1);
  for (let start = 0; start < rows.length; start += ROW_BLOCK) {
    if (start > 0) await context.sync();
    const block = rows.slice(start, start + ROW_BLOCK);
    sheet.getRangeByIndexes(start, 0, block.length, width).values = toExcelRows(block, width);
  }
}
