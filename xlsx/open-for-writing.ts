// The workbook a check writes its marks into (`--out`, the pane's download): an `.xlsx` that came in
// is loaded as itself, so everything in it survives; any other format (.xls, .ods, .csv…) is
// rebuilt as a new `.xlsx` from its grids — values, dates, merged areas, hidden sheets and rows —
// which the caller saves under an .xlsx name next to the original, never over it.
import type * as ExcelJS from 'exceljs';
import type { SheetGrid } from '../shared/types';
import { TEMPLATE_DATE_FORMAT } from '../shared/template-layout';
import { inflateOf, loadExcelJs, loadWorkbook, readWorkbook, type ReadOptions, type SourceFormat } from './read-grids';
import { sniff } from './read/detect';

export interface WritableWorkbook {
  workbook: ExcelJS.Workbook;
  /** The format the bytes came in; anything but 'xlsx' must be saved under a new .xlsx name. */
  format: SourceFormat;
}

/** A new exceljs workbook holding `sheets` as they were read. */
export async function workbookFromGrids(sheets: SheetGrid[]): Promise<ExcelJS.Workbook> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { state: sheet.hidden ? 'hidden' : 'visible' });
    for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
    sheet.grid.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === undefined || value === '') return;
        const cell = worksheet.getCell(r + 1, c + 1);
        // Inside a merged area only the top-left cell holds the value (the grid repeats it down).
        if (cell.isMerged && cell.master !== cell) return;
        // exceljs writes a string as a text cell: it makes formulas only from { formula }.
        cell.value = value;
        if (value instanceof Date) cell.numFmt = TEMPLATE_DATE_FORMAT;
      }),
    );
    for (const r of sheet.hiddenRows ?? []) worksheet.getRow(r + 1).hidden = true;
  }
  return workbook;
}

export async function openForWriting(data: ArrayBuffer | Uint8Array, options: ReadOptions & { file?: string } = {}): Promise<WritableWorkbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (sniff(bytes, await inflateOf(options)).format === 'xlsx') return { workbook: await loadWorkbook(bytes, options), format: 'xlsx' };
  const read = await readWorkbook(bytes, options);
  return { workbook: await workbookFromGrids(read.sheets), format: read.format };
}

