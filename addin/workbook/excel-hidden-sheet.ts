// Our very-hidden state sheets in Excel (annotation memos, settings): read whole, rewritten whole.
import type { CellValue } from '../../shared/types';
import { fromExcelRow, toExcelRows } from './excel-values';
import { payloadBlocks } from './excel-sync-budget';
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
 * Rewrites the sheet's cells with `rows` (none: left empty), very hidden so that people never
 * stumble on it. The sheet is never deleted: Excel refuses to delete a very hidden sheet
 * (Worksheet.delete reference; office-js #365), so it is cleared in place and written again.
 * Values are queued in blocks within the payload budget; the caller's next sync sends the last one.
 */
export async function writeHiddenSheet(
  context: Excel.RequestContext,
  name: string,
  rows: CellValue[][],
  exists: boolean,
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  let sheet: Excel.Worksheet;
  if (exists) {
    sheet = worksheets.getItem(name);
    // The whole sheet (getRange without an address), so every old value goes however far it reached.
    sheet.getRange().clear();
  } else {
    if (rows.length === 0) return;
    sheet = worksheets.add(name);
    sheet.visibility = 'VeryHidden';
  }
  if (rows.length === 0) return;
  const width = rows.reduce((w, r) => Math.max(w, r.length), 1);
  const cells = toExcelRows(rows, width);
  let first = true;
  for (const { start, end } of payloadBlocks(cells, ROW_BLOCK)) {
    if (!first) await context.sync();
    first = false;
    sheet.getRangeByIndexes(start, 0, end - start, width).values = cells.slice(start, end);
  }
}
