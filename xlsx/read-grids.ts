// The reading layer: any tracker file's bytes → one grid per worksheet (the SheetGrid contract of
// shared/types), whatever the format: `.xlsx`/`.xlsm` through our lean reader, `.xls`/`.ods`/
// `.xlsb`/HTML tables through SheetJS, `.csv`/`.txt` through our CSV reader. The format is told
// from the bytes (read/detect.ts); the readers of other formats load only when such a file comes.
// Browser-safe: bytes in, no node:* imports. exceljs is loaded only to write (loadWorkbook).
import type * as ExcelJS from 'exceljs';
import { fillMergedDown, type CellValue, type Grid, type SheetGrid } from '../shared';
import { plainValue } from '../shared/cells';
import { ANNOTATION_STATE_SHEET } from '../shared/annotation-plan';
import { withCjkFormatsDefined } from './cjk-number-formats';
import { sniff } from './read/detect';
import { limitsOf, type ReadOptions } from './read/options';
import { guardOds } from './read/ods-guard';
import type { InflateRaw } from './read/zip';
import { damaged } from './read/refusals';
import { readXlsxGrids } from './read/xlsx-lean';

export type { SheetGrid, ReadOptions };

/** What came in, for writing back: `.xlsx` is written back as itself, anything else as a new `.xlsx`. */
export type SourceFormat = 'xlsx' | 'xls' | 'ods' | 'xlsb' | 'html' | 'csv';

export interface ReadWorkbook {
  format: SourceFormat;
  sheets: SheetGrid[];
}

function asBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** The sheet name Excel gives a CSV file it opens: the file's base name. */
function csvSheetName(file: string | undefined): string {
  const base = (file ?? '').split(/[\\/]/).pop()?.replace(/\.[^.]*$/, '') ?? '';
  return base.slice(0, 31) || 'Sheet1';
}

/** The inflate of `options`, else fflate (loaded on first use: Node callers pass zlib's). */
export async function inflateOf(options: ReadOptions): Promise<InflateRaw> {
  return options.inflate ?? (await import('./read/inflate-fflate.js')).fflateInflate;
}

/** Reads any supported file; throws WorkbookError (empty-file, encrypted, no-worksheet, damaged, not-a-workbook, too-large). */
export async function readWorkbook(data: ArrayBuffer | Uint8Array, options: ReadOptions & { file?: string } = {}): Promise<ReadWorkbook> {
  const bytes = asBytes(data);
  const opts: ReadOptions = { ...options, skipSheets: [ANNOTATION_STATE_SHEET, ...(options.skipSheets ?? [])] };
  const sniffed = sniff(bytes, await inflateOf(options), options.limits?.unzippedBytes);
  switch (sniffed.format) {
    case 'xlsx':
      return { format: 'xlsx', sheets: readXlsxGrids(sniffed.zip, sniffed.workbookPart, opts) };
    case 'csv': {
      const { readCsvGrids } = await import('./read/csv.js');
      return { format: 'csv', sheets: readCsvGrids(bytes, csvSheetName(options.file), opts) };
    }
    default: {
      if (sniffed.format === 'ods') guardOds(sniffed.zip, limitsOf(opts));
      const { readWithSheetJs } = await import('./read/sheetjs.js');
      return { format: sniffed.format, sheets: readWithSheetJs(bytes, opts) };
    }
  }
}

export async function readWorkbookGrids(data: ArrayBuffer | Uint8Array, options: ReadOptions & { file?: string } = {}): Promise<SheetGrid[]> {
  return (await readWorkbook(data, options)).sheets;
}

/** exceljs, loaded the first time something is written (or an `.xlsx` opened to be written back). */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  return (await import('./exceljs-module.js')).ExcelJS;
}

/** Loads an `.xlsx` into exceljs to write it back, turning every way it can fail into a WorkbookError. */
export async function loadWorkbook(data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<ExcelJS.Workbook> {
  const bytes = asBytes(data);
  // Refusals (encrypted, chart-only, foreign…) are told the same way as for reading.
  const sniffed = sniff(bytes, await inflateOf(options));
  if (sniffed.format !== 'xlsx') throw damaged(`not an .xlsx (${sniffed.format})`);
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  try {
    // exceljs's types say Buffer; JSZip underneath accepts any Uint8Array.
    await workbook.xlsx.load(withCjkFormatsDefined(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw damaged(error instanceof Error ? error.message.slice(0, 120) : 'exceljs');
  }
  if (workbook.worksheets.length === 0) throw damaged('no worksheet');
  return workbook;
}

/** exceljs's ValueType.Merge: a cell inside a merged area other than its top-left one. */
const MERGE_CELL = 1;

/** The worksheet's merged ranges (`B4:B6`). exceljs keeps them by master cell; its public `model` getter
 * would rebuild every row just to list them. */
function mergedRanges(worksheet: ExcelJS.Worksheet): string[] {
  const merges = (worksheet as unknown as { _merges?: Record<string, { range: string }> })._merges ?? {};
  return Object.values(merges).map((merge) => merge.range);
}

/** One exceljs worksheet as a grid (the pane's in-memory workbook): row 0 is sheet row 1; merges
 *  over several rows read as their value on each row. */
export function worksheetGrid(worksheet: ExcelJS.Worksheet): Grid {
  const grid: Grid = [];
  worksheet.eachRow((row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell((cell, col) => {
      if (cell.type === MERGE_CELL) return;
      values[col - 1] = plainValue(cell.value);
    });
    grid[rowNumber - 1] = values;
  });
  // Rows exceljs holds no cells for are holes; shared/ expects arrays everywhere.
  for (let i = 0; i < grid.length; i++) if (!grid[i]) grid[i] = [];
  return fillMergedDown(grid, mergedRanges(worksheet));
}

/** One worksheet as the grid contract has it: values, merged areas, the workbook's date system. */
export function sheetGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const merges = mergedRanges(worksheet);
  const date1904 = worksheet.workbook.properties.date1904 === true;
  return { name: worksheet.name, grid: worksheetGrid(worksheet), ...(merges.length > 0 && { merges }), ...(date1904 && { date1904 }) };
}

/** The workbook's sheets as grids, in tab order, leaving out the state sheet we keep ourselves. */
export function workbookGrids(workbook: ExcelJS.Workbook): SheetGrid[] {
  return workbook.worksheets.filter((ws) => ws.name !== ANNOTATION_STATE_SHEET).map(sheetGrid);
}
