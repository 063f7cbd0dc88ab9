// Reading sheets from Excel in blocks: list the sheets, load their used ranges, then load values
// block by block — several small sheets share one request, a big one takes one request per block.
import { fillMergedDown } from '../../shared/merges';
import type { Grid } from '../../shared/types';
import { fromExcelRow } from './excel-values';
import { CELLS_PER_SYNC } from './excel-sync-budget';
import type { ProgressFn, SheetGrid } from './port';
import { ROW_BLOCK, sheetMissing, throwIfAborted } from './port';

/** Every sheet's name and visibility, in tab order. One sync. */
export async function listSheets(context: Excel.RequestContext): Promise<{ name: string; visible: boolean }[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name, items/visibility');
  await context.sync();
  return worksheets.items.map((ws) => ({ name: ws.name, visible: ws.visibility === 'Visible' }));
}

interface PendingBlock {
  grid: Grid;
  sheet: string;
  total: number;
  offsetRow: number;
  offsetCol: number;
  range: Excel.Range;
}

/** `台账!A1:H1, '台 账'!B4:B6` → `A1:H1`, `B4:B6`. */
function localAddresses(areas: string): string[] {
  return areas
    .split(',')
    .map((address) => address.slice(address.lastIndexOf('!') + 1).trim())
    .filter((address) => address !== '');
}

/**
 * Syncs: 1 (sheet list) + 1 (used ranges, and their merged areas) + one per block of ≤ ROW_BLOCK
 * rows and ≤ CELLS_PER_SYNC cells. `mergedAreas` needs ExcelApi 1.13; without it merges read as
 * Excel gives them (the value at the top-left cell only).
 */
export async function readExcelGrids(
  context: Excel.RequestContext,
  sheets: string[] | undefined,
  options: { blockRows?: number; onProgress?: ProgressFn; signal?: AbortSignal; mergedAreas?: boolean } = {},
): Promise<SheetGrid[]> {
  const all = await listSheets(context);
  const names = sheets ?? all.filter((s) => s.visible).map((s) => s.name);
  for (const name of names) if (!all.some((s) => s.name === name)) throw sheetMissing(name);

  const used = names.map((name) => {
    const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load('rowIndex, columnIndex, rowCount, columnCount');
    const merges = options.mergedAreas ? range.getMergedAreasOrNullObject().load('address') : null;
    return { name, range, merges };
  });
  await context.sync();

  const grids: SheetGrid[] = names.map((name) => ({ name, grid: [] }));
  let pending: PendingBlock[] = [];
  let queuedCells = 0;
  const flush = async () => {
    throwIfAborted(options.signal, '读取工作表');
    await context.sync();
    for (const block of pending) {
      for (const row of block.range.values) block.grid.push(fromExcelRow(row, block.offsetCol));
      options.onProgress?.({ sheet: block.sheet, done: block.grid.length - block.offsetRow, total: block.total });
    }
    pending = [];
    queuedCells = 0;
  };

  for (let i = 0; i < used.length; i++) {
    const { name, range } = used[i];
    if (range.isNullObject) continue;
    const grid = grids[i].grid;
    for (let r = 0; r < range.rowIndex; r++) grid.push([]);
    const sheet = context.workbook.worksheets.getItem(name);
    const blockRows = Math.max(1, Math.min(options.blockRows ?? ROW_BLOCK, Math.floor(CELLS_PER_SYNC / range.columnCount)));
    for (let start = 0; start < range.rowCount; start += blockRows) {
      const rows = Math.min(blockRows, range.rowCount - start);
      const cells = rows * range.columnCount;
      if (queuedCells > 0 && queuedCells + cells > CELLS_PER_SYNC) await flush();
      const block = sheet.getRangeByIndexes(range.rowIndex + start, range.columnIndex, rows, range.columnCount);
      block.load('values');
      pending.push({ grid, sheet: name, total: range.rowCount, offsetRow: range.rowIndex, offsetCol: range.columnIndex, range: block });
      queuedCells += cells;
    }
  }
  if (pending.length > 0) await flush();
  used.forEach(({ merges }, i) => {
    if (merges && !merges.isNullObject) {
      grids[i].merges = localAddresses(merges.address);
      fillMergedDown(grids[i].grid, grids[i].merges);
    }
  });
  return grids;
}
