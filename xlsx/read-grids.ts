// `.xlsx` bytes → one grid of plain cell values per worksheet, the shape shared/ reads trackers from.
// Browser-safe: bytes in, no node:* imports.
import * as ExcelJS from 'exceljs';
import { cellAddress, chargeCell, fillMergedDown, type CellValue, type Grid, type SheetGrid, type TextBudget } from '../shared';
import { plainValue } from '../shared/cells';
import { ANNOTATION_STATE_SHEET } from '../shared/annotation-plan';
import { withCjkFormatsDefined } from './cjk-number-formats';
import { WorkbookError } from './workbook-error';

export type { SheetGrid };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: a legacy .xls, or an .xlsx encrypted with a password. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function asBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Loads a workbook, turning every way it can fail into a WorkbookError. */
export async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const bytes = asBytes(data);
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new WorkbookError(
      'legacy-or-encrypted',
      '文件是旧版 Excel（.xls）或设有打开密码的工作簿，无法读取。请在 Excel/WPS 中另存为 .xlsx（不设密码）后再试。',
      'The file is a legacy .xls or a password-protected workbook. Save it as .xlsx without a password and try again.',
    );
  }
  const notAWorkbook = new WorkbookError(
    'not-a-workbook',
    '文件不是 Excel 工作簿（.xlsx），或已损坏。',
    'The file is not an Excel workbook (.xlsx), or it is damaged.',
  );
  if (!startsWith(bytes, ZIP_MAGIC)) throw notAWorkbook;
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types say Buffer; JSZip underneath accepts any Uint8Array.
    await workbook.xlsx.load(withCjkFormatsDefined(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw notAWorkbook;
  }
  // Excel never saves a workbook without a sheet: this is some other zip (a .docx renamed, say).
  if (workbook.worksheets.length === 0) throw notAWorkbook;
  return workbook;
}

/** The worksheet's merged ranges (`B4:B6`). exceljs keeps them by master cell; its public `model` getter
 * would rebuild every row just to list them. */
function mergedRanges(worksheet: ExcelJS.Worksheet): string[] {
  const merges = (worksheet as unknown as { _merges?: Record<string, { range: string }> })._merges ?? {};
  return Object.values(merges).map((merge) => merge.range);
}

export interface ReadGridsOptions {
  /** Charged with every cell's text as the grids are built (shared/text-budget): an amplified
   *  file is refused (TextBudgetExceeded) before its text exists many times over. */
  budget?: TextBudget;
}

/** One worksheet as a grid: row 0 is sheet row 1; merges over several rows read as their value on each row. */
export function worksheetGrid(worksheet: ExcelJS.Worksheet, options: ReadGridsOptions = {}): Grid {
  const { budget } = options;
  const where = (row: number, col: number) => () => `${worksheet.name}!${cellAddress(row + 1, col)}`;
  const grid: Grid = [];
  worksheet.eachRow((row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell((cell, col) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = plainValue(cell.value);
      chargeCell(budget, value, where(rowNumber - 1, col - 1));
      values[col - 1] = value;
    });
    grid[rowNumber - 1] = values;
  });
  // Rows exceljs holds no cells for are holes; shared/ expects arrays everywhere.
  for (let i = 0; i < grid.length; i++) if (!grid[i]) grid[i] = [];
  return fillMergedDown(grid, mergedRanges(worksheet), budget ? (value, r, c) => chargeCell(budget, value, where(r, c)) : undefined);
}

/** One worksheet as the grid contract has it: values, merged areas, the workbook's date system. */
export function sheetGrid(worksheet: ExcelJS.Worksheet, options: ReadGridsOptions = {}): SheetGrid {
  const merges = mergedRanges(worksheet);
  const date1904 = worksheet.workbook.properties.date1904 === true;
  return { name: worksheet.name, grid: worksheetGrid(worksheet, options), ...(merges.length > 0 && { merges }), ...(date1904 && { date1904 }) };
}

/** The workbook's sheets as grids, in tab order, leaving out the state sheet we keep ourselves. */
export function workbookGrids(workbook: ExcelJS.Workbook, options: ReadGridsOptions = {}): SheetGrid[] {
  return workbook.worksheets.filter((ws) => ws.name !== ANNOTATION_STATE_SHEET).map((ws) => sheetGrid(ws, options));
}

export async function readWorkbookGrids(data: ArrayBuffer | Uint8Array, options: ReadGridsOptions = {}): Promise<SheetGrid[]> {
  return workbookGrids(await loadWorkbook(data), options);
}
