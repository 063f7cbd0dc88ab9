// Reading sheets from Excel in blocks: list the sheets, load their used ranges, then load values
// block by block — several small sheets share one request, a big one takes one request per block.
// Blocks are bounded by cells and by bytes of JSON (Excel on the web answers at most 5 MB): a
// response refused for its size is read again in halves, and later blocks are sized from the
// bytes per cell seen so far.
import { fillMergedDown } from '../../shared/merges';
import { fromExcelRow } from './excel-values';
import { CELLS_PER_SYNC, isPayloadTooLarge, jsonBytes, PAYLOAD_BUDGET_BYTES } from './excel-sync-budget';
import type { ProgressFn, SheetGrid } from './port';
import { ROW_BLOCK, sheetMissing, throwIfAborted } from './port';

/** Every sheet's name and visibility, in tab order. One sync. */
export async function listSheets(context: Excel.RequestContext): Promise<{ name: string; visible: boolean }[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name, items/visibility');
  await context.sync();
  return worksheets.items.map((ws) => ({ name: ws.name, visible: ws.visibility === 'Visible' }));
}

/** `台账!A1:H1, '台 账'!B4:B6` → `A1:H1`, `B4:B6`. */
function localAddresses(areas: string): string[] {
  return areas
    .split(',')
    .map((address) => address.slice(address.lastIndexOf('!') + 1).trim())
    .filter((address) => address !== '');
}

/** Rows of one sheet to read in one piece (0-based sheet rows). */
interface Block {
  sheet: number;
  top: number;
  rows: number;
}

interface UsedBox {
  name: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** Rows per merged-areas probe when a block has more than Excel will list (512 areas). */
const MERGE_PROBE_ROWS = 256;

/**
 * Syncs: 1 (sheet list) + 1 (used ranges) + one per block of ≤ ROW_BLOCK rows, ≤ CELLS_PER_SYNC
 * cells and ≤ PAYLOAD_BUDGET_BYTES. Merged areas (ExcelApi 1.13) of each sheet's used range ride
 * with its first block — asked only once the used range is known to exist (a blank sheet's is a
 * null object). A sheet with more than 512 merged areas (Range.getMergedAreasOrNullObject
 * reference) has its merges probed in pieces of rows; rows whose merges still cannot be listed are named in
 * `unreadMerges` and read as Excel gives them (the value at the top-left cell only).
 */
export async function readExcelGrids(
  context: Excel.RequestContext,
  sheets: string[] | undefined,
  options: { blockRows?: number; onProgress?: ProgressFn; signal?: AbortSignal; mergedAreas?: boolean } = {},
): Promise<SheetGrid[]> {
  const all = await listSheets(context);
  const names = sheets ?? all.filter((s) => s.visible).map((s) => s.name);
  for (const name of names) if (!all.some((s) => s.name === name)) throw sheetMissing(name);

  const usedRanges = names.map((name) => {
    const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load('rowIndex, columnIndex, rowCount, columnCount');
    return { name, range };
  });
  await context.sync();
  const boxes: (UsedBox | null)[] = usedRanges.map(({ name, range }) =>
    range.isNullObject ? null : { name, rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount },
  );

  const grids: SheetGrid[] = names.map((name) => ({ name, grid: [] }));
  const merges: string[][] = names.map(() => []);
  const unread: string[][] = names.map(() => []);
  boxes.forEach((box, i) => {
    if (box) for (let r = 0; r < box.rowIndex; r++) grids[i].grid.push([]);
  });

  let bytesPerCell = 0;
  const cellsPerRequest = () => (bytesPerCell > 0 ? Math.max(1, Math.min(CELLS_PER_SYNC, Math.floor(PAYLOAD_BUDGET_BYTES / bytesPerCell))) : CELLS_PER_SYNC);

  /** Loads `blocks` in one request; too large → in halves; too many merged areas → merges apart. */
  const load = async (blocks: Block[], withMerges: boolean): Promise<void> => {
    throwIfAborted(options.signal, '读取工作表');
    const queued = blocks.map((block) => {
      const box = boxes[block.sheet]!;
      const range = context.workbook.worksheets.getItem(box.name).getRangeByIndexes(block.top, box.columnIndex, block.rows, box.columnCount);
      range.load('values');
      // The whole used range's merges, with the sheet's first block: a merge across two blocks is whole.
      const first = block.top === box.rowIndex;
      const areas = withMerges && first ? usedRangeOf(box).getMergedAreasOrNullObject().load('address') : null;
      return { block, range, areas };
    });
    try {
      await context.sync();
    } catch (error) {
      if (isPayloadTooLarge(error) && blocks.some((b) => b.rows > 1)) {
        for (const half of halves(blocks)) await load(half, withMerges);
        return;
      }
      if (!withMerges) throw error;
      // Values alone, then the sheets' merged areas in pieces Excel can list.
      await load(blocks, false);
      for (const block of blocks) if (block.top === boxes[block.sheet]!.rowIndex) await probeMerges(block.sheet);
      return;
    }
    let bytes = 0;
    let cells = 0;
    for (const { block, range, areas } of queued) {
      const box = boxes[block.sheet]!;
      const grid = grids[block.sheet].grid;
      for (const row of range.values) grid.push(fromExcelRow(row, box.columnIndex));
      bytes += jsonBytes(range.values);
      cells += block.rows * box.columnCount;
      if (areas && !areas.isNullObject) merges[block.sheet].push(...localAddresses(areas.address));
      options.onProgress?.({ sheet: box.name, done: block.top + block.rows - box.rowIndex, total: box.rowCount });
    }
    if (cells > 0) bytesPerCell = Math.max(bytesPerCell, bytes / cells);
  };

  const usedRangeOf = (box: UsedBox) =>
    context.workbook.worksheets.getItem(box.name).getRangeByIndexes(box.rowIndex, box.columnIndex, box.rowCount, box.columnCount);

  const probeMerges = async (sheet: number): Promise<void> => {
    const box = boxes[sheet]!;
    const end = box.rowIndex + box.rowCount;
    for (let top = box.rowIndex; top < end; top += MERGE_PROBE_ROWS) {
      const rows = Math.min(MERGE_PROBE_ROWS, end - top);
      const areas = context.workbook.worksheets
        .getItem(box.name)
        .getRangeByIndexes(top, box.columnIndex, rows, box.columnCount)
        .getMergedAreasOrNullObject()
        .load('address');
      try {
        await context.sync();
        if (!areas.isNullObject) merges[sheet].push(...localAddresses(areas.address));
      } catch {
        unread[sheet].push(`${top + 1}:${top + rows}`);
      }
    }
  };

  let pending: Block[] = [];
  let queuedCells = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    await load(pending, options.mergedAreas ?? false);
    pending = [];
    queuedCells = 0;
  };
  for (let i = 0; i < boxes.length; i++) {
    const box = boxes[i];
    if (!box) continue;
    for (let start = 0; start < box.rowCount; ) {
      const blockRows = Math.max(1, Math.min(options.blockRows ?? ROW_BLOCK, Math.floor(cellsPerRequest() / box.columnCount)));
      const rows = Math.min(blockRows, box.rowCount - start);
      const cells = rows * box.columnCount;
      if (queuedCells > 0 && queuedCells + cells > cellsPerRequest()) await flush();
      pending.push({ sheet: i, top: box.rowIndex + start, rows });
      queuedCells += cells;
      start += rows;
    }
  }
  await flush();

  grids.forEach((sheet, i) => {
    const areas = [...new Set(merges[i])];
    if (areas.length > 0) {
      sheet.merges = areas;
      fillMergedDown(sheet.grid, areas);
    }
    if (unread[i].length > 0) {
      sheet.unreadMerges = unread[i];
      console.warn(`Merged areas of ${sheet.name} rows ${unread[i].join(', ')} could not be listed (more than 512 per range).`);
    }
  });
  return grids;
}

/** Each block in two (a one-row block stays whole), in reading order. */
function halves(blocks: Block[]): Block[][] {
  const split: Block[] = [];
  for (const b of blocks) {
    if (b.rows < 2) split.push(b);
    else {
      const upper = Math.ceil(b.rows / 2);
      split.push({ sheet: b.sheet, top: b.top, rows: upper }, { sheet: b.sheet, top: b.top + upper, rows: b.rows - upper });
    }
  }
  if (split.length === 1) return [split];
  const middle = Math.ceil(split.length / 2);
  return [split.slice(0, middle), split.slice(middle)];
}
