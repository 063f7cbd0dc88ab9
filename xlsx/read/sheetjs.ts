// Legacy and other workbook formats through SheetJS (`@e965/xlsx`, the maintained republication;
// the `xlsx` 0.18.5 on npm has advisories for crafted files): `.xls` (BIFF8/5), `.ods`, `.xlsb`.
// Loaded lazily (its own chunk in the browser), only when such a file is opened. Dates are taken
// from the serial number and the cell's format with our own rules (SheetJS's `cellDates` builds
// Dates in local time), so every format gives the same UTC-midnight Date.
import * as XLSX from '@e965/xlsx';
import type { CellValue, Grid, SheetGrid } from '../../shared/types';
import { fillMergedDown } from '../../shared/merges';
import { isDateFormatCode, serialToDate } from './date-formats';
import { limitsOf, type ReadOptions } from './options';
import { damaged, refuse, tooLarge } from './refusals';

interface SheetJsCell {
  t: 'n' | 's' | 'b' | 'e' | 'd' | 'z';
  v?: unknown;
  z?: string | number;
  w?: string;
}

function cellValue(cell: SheetJsCell | undefined, date1904: boolean): CellValue {
  if (!cell) return undefined;
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cell.v : cell.w;
    case 'b':
      return cell.v === true;
    case 'e':
      return cell.w ?? (typeof cell.v === 'number' ? XLSX.utils.format_cell(cell as XLSX.CellObject) : undefined);
    case 'd':
      return cell.v instanceof Date ? cell.v : undefined;
    case 'n': {
      if (typeof cell.v !== 'number') return undefined;
      const format = typeof cell.z === 'string' ? cell.z : undefined;
      return format !== undefined && isDateFormatCode(format) ? serialToDate(cell.v, date1904) : cell.v;
    }
    default:
      return undefined;
  }
}

function isPasswordError(error: unknown): boolean {
  return error instanceof Error && /password|encrypt/i.test(error.message);
}

export function readWithSheetJs(bytes: Uint8Array, options: ReadOptions = {}): SheetGrid[] {
  const limits = limitsOf(options);
  let book: XLSX.WorkBook;
  // SheetJS reports doubtful ODS number formats with console.error; the CLI's stderr is the user's.
  const consoleError = console.error;
  console.error = () => undefined;
  try {
    book = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellNF: true,
      cellDates: false,
      cellStyles: true,
      cellFormula: false,
      cellHTML: false,
      // Never more rows than the limit (plus one, to tell "at the limit" from "past it").
      sheetRows: limits.rows + 1,
    });
  } catch (error) {
    if (isPasswordError(error)) throw refuse('encrypted');
    throw damaged(error instanceof Error ? error.message.slice(0, 120) : 'unreadable');
  } finally {
    console.error = consoleError;
  }
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const skip = new Set(options.skipSheets ?? []);
  const grids: SheetGrid[] = [];
  let cells = 0;
  book.SheetNames.forEach((name, index) => {
    if (skip.has(name)) return;
    const sheet = book.Sheets[name];
    // Chart sheets and macro sheets carry no cell data.
    if (!sheet || sheet['!type'] === 'chart') return;
    const dense = ((sheet as unknown as { '!data'?: (SheetJsCell | undefined)[][] })['!data'] ?? []) as (SheetJsCell | undefined)[][];
    if (dense.length > limits.rows) throw tooLarge(`工作表「${name}」超过 ${limits.rows} 行`, `sheet "${name}" has more than ${limits.rows} rows`, { sheet: name, limit: limits.rows, reason: 'rows' });
    const grid: Grid = [];
    for (let r = 0; r < dense.length; r++) {
      const source = dense[r];
      const row: CellValue[] = [];
      grid[r] = row;
      if (!source) continue;
      if (source.length > limits.columns) {
        throw tooLarge(`工作表「${name}」用到第 ${source.length} 列`, `sheet "${name}" uses column ${source.length}`, { sheet: name, limit: limits.columns, reason: 'columns' });
      }
      for (let c = 0; c < source.length; c++) {
        const value = cellValue(source[c], date1904);
        if (value === undefined || value === null) continue;
        if (++cells > limits.cells) throw tooLarge(`超过 ${limits.cells} 个单元格`, `more than ${limits.cells} cells`, { sheet: name, limit: limits.cells, reason: 'cells' });
        if (typeof value === 'string') options.onText?.(value.length, name, r, c);
        row[c] = value;
      }
    }
    while (grid.length > 0 && grid[grid.length - 1].length === 0) grid.pop();
    const merges = (sheet['!merges'] ?? []).map((range) => XLSX.utils.encode_range(range));
    const hiddenRows = (sheet['!rows'] ?? []).flatMap((row, r) => (row?.hidden ? [r] : []));
    const hidden = (book.Workbook?.Sheets?.[index]?.Hidden ?? 0) > 0;
    // A merge's copies are text the check reads once more: the text budget counts them too.
    const onFill = options.onText && ((value: unknown, r: number, c: number) => typeof value === 'string' && options.onText!(value.length, name, r, c));
    grids.push({ name, grid: merges.length ? fillMergedDown(grid, merges, onFill) : grid, merges, date1904, hidden, hiddenRows });
  });
  if (grids.length === 0 && book.SheetNames.length > 0) throw refuse('chartOnly');
  if (grids.length === 0) throw damaged('no sheet');
  return grids;
}
