// Renders a SheetModel (decided in shared/) into an exceljs workbook, replacing the sheet of that
// name. Text is written as text: a cell value never becomes a formula here.
import * as ExcelJS from 'exceljs';
import { cellSafeText, type CellStyle, type SheetModel } from '../shared';
import { columnLetter, parseCellAddress } from '../shared/columns';
import { TABLE_BORDER_COLOR, TABLE_HEADER_STYLE } from '../shared/sheet-model';

/** `#RRGGBB` → exceljs's opaque ARGB. */
export function argb(color: string): string {
  return `FF${color.replace('#', '').toUpperCase()}`;
}

export function solidFill(color: string): ExcelJS.FillPattern {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(color) } };
}

/** The thin border of our printed tables, on all four sides. */
export function thinBorder(): Partial<ExcelJS.Borders> {
  const side: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: argb(TABLE_BORDER_COLOR) } };
  return { top: side, left: side, bottom: side, right: side };
}

/** Row and 1-based column of an A1 address. */
function position(address: string): { row: number; col: number } {
  const at = parseCellAddress(address);
  if (!at) throw new Error(`not an A1 address: ${address}`);
  return { row: at.row, col: at.col + 1 };
}

/** Visits every cell of an A1 range (or of a single address). */
function eachCell(sheet: ExcelJS.Worksheet, range: string, visit: (cell: ExcelJS.Cell) => void): void {
  const [from, to = from] = range.split(':');
  const a = position(from);
  const b = position(to);
  for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
    for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) visit(sheet.getCell(r, c));
  }
}

// exceljs shares style objects between cells: replace the style, never mutate it.
function restyle(cell: ExcelJS.Cell, change: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...change };
}

/** A table header cell's look (bold, the header fill, centred and wrapped) over the cell's own style:
 *  one place for both writers of a SheetModel. */
export function headerStyle(current: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  return {
    font: { ...current.font, bold: true },
    fill: solidFill(TABLE_HEADER_STYLE.fill as string),
    alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  };
}

export function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  const change: Partial<ExcelJS.Style> = {};
  if (style.fill) change.fill = solidFill(style.fill);
  if (style.font || style.bold || style.fontSize || style.fontName) {
    change.font = {
      ...cell.style.font,
      ...(style.font ? { color: { argb: argb(style.font) } } : {}),
      ...(style.bold ? { bold: true } : {}),
      ...(style.fontSize ? { size: style.fontSize } : {}),
      ...(style.fontName ? { name: style.fontName } : {}),
    };
  }
  if (style.align || style.wrap) {
    change.alignment = {
      ...cell.style.alignment,
      vertical: 'top',
      ...(style.align ? { horizontal: style.align } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
    };
  }
  if (style.border) change.border = thinBorder();
  restyle(cell, change);
}

/** The conditional-format style (a dxf: solid fills take their colour from bgColor). */
export function differentialStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (style.fill) out.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(style.fill) } };
  if (style.font || style.bold) {
    out.font = { ...(style.font ? { color: { argb: argb(style.font) } } : {}), ...(style.bold ? { bold: true } : {}) };
  }
  return out;
}

/** `"` doubled, as Excel formulas want inside a string literal. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** From 0 to `max` when fixed (a rate's 100%), else to the largest value. */
export function dataBarScale(max: number | undefined): ExcelJS.Cvfo[] {
  return [{ type: 'num', value: 0 }, max === undefined ? { type: 'max' } : { type: 'num', value: max }];
}

/** The print settings of a model: A4, its orientation, margins, footer; fitted to width only when asked. */
export function pageSetupOf(model: SheetModel): Partial<ExcelJS.PageSetup> {
  // Without a print layout of its own, a sheet we write still prints one page wide (A4 landscape).
  const print = model.print ?? { orientation: 'landscape', fitToWidth: true };
  const width = Math.max(1, ...model.rows.map((r) => r.length), model.columnWidths?.length ?? 0);
  return {
    paperSize: 9,
    orientation: print.orientation,
    fitToPage: print.fitToWidth,
    ...(print.fitToWidth ? { fitToWidth: 1, fitToHeight: 0 } : { scale: 100 }),
    ...(print.repeatRows ? { printTitlesRow: print.repeatRows } : {}),
    // Laid out for the page: print only the laid-out columns (a native chart may sit to their right).
    ...(print.fitToWidth ? {} : { printArea: `A$1:${columnLetter(width - 1)}$${Math.max(1, model.rows.length)}` }),
    ...(print.margins ? { margins: { ...print.margins, header: 0.3, footer: 0.3 } } : {}),
  };
}

export function renderSheetModel(workbook: ExcelJS.Workbook, model: SheetModel, pictures?: ReadonlyMap<string, Uint8Array>): void {
  const old = workbook.getWorksheet(model.name);
  if (old) workbook.removeWorksheet(old.id);
  const sheet = workbook.addWorksheet(model.name, {
    views: model.freezeRows ? [{ state: 'frozen', ySplit: model.freezeRows, xSplit: 0 }] : undefined,
  });

  model.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null || value === undefined) return;
      // A string is stored as a string cell (exceljs only writes formulas given as { formula }),
      // XML-safe and within Excel's cell limit.
      sheet.getCell(r + 1, c + 1).value = typeof value === 'string' ? cellSafeText(value) : value;
    });
  });

  const width = Math.max(0, ...model.rows.map((row) => row.length));
  for (const headerRow of model.headerRows) {
    for (let c = 1; c <= width; c++) {
      const cell = sheet.getCell(headerRow, c);
      restyle(cell, headerStyle(cell.style));
    }
  }
  // Thin borders around the table part (from the first header row down).
  const firstHeader = Math.min(...model.headerRows);
  if (Number.isFinite(firstHeader) && width > 0) {
    const border = thinBorder();
    for (let r = firstHeader; r <= model.rows.length; r++) {
      for (let c = 1; c <= width; c++) restyle(sheet.getCell(r, c), { border });
    }
  }

  model.columnWidths?.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  for (const [range, numFmt] of Object.entries(model.numberFormats ?? {})) {
    eachCell(sheet, range, (cell) => restyle(cell, { numFmt }));
  }
  for (const [range, style] of Object.entries(model.styles ?? {})) {
    eachCell(sheet, range, (cell) => applyStyle(cell, style));
    // Larger type on a single cell (a title): give its row the height no one will autofit here.
    if (style.fontSize && style.fontSize > 11 && !range.includes(':')) {
      sheet.getRow(position(range).row).height = Math.ceil(style.fontSize * 1.6);
    }
  }
  for (const range of model.merges ?? []) sheet.mergeCells(range);

  for (const format of model.conditionalFormats ?? []) {
    const topLeft = format.range.split(':')[0].replace(/\$/g, '');
    sheet.addConditionalFormatting({
      ref: format.range,
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: [`${topLeft}=${formulaString(format.equals)}`],
          style: differentialStyle(format.style),
        },
      ],
    });
  }
  for (const bar of model.dataBars ?? []) {
    // exceljs writes a data bar's colour though its types leave it out.
    const rule: ExcelJS.DataBarRuleType & { color: Partial<ExcelJS.Color> } = {
      type: 'dataBar',
      priority: 1,
      gradient: false,
      cfvo: dataBarScale(bar.max),
      color: { argb: argb(bar.color) },
    };
    sheet.addConditionalFormatting({ ref: bar.range, rules: [rule] });
  }
  for (const [row, height] of Object.entries(model.rowHeights ?? {})) sheet.getRow(Number(row)).height = height;
  for (const row of model.pageBreaks ?? []) sheet.getRow(row).addPageBreak();
  sheet.pageSetup = pageSetupOf(model);
  if (model.print?.footer) sheet.headerFooter = { oddFooter: `&C${model.print.footer}` };
  for (const picture of model.pictures ?? []) {
    const png = pictures?.get(picture.id);
    if (!png) continue;
    const at = position(picture.cell);
    const image = workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    // exceljs anchors by column/row fractions; an offset in pixels is a fraction of the 7-px unit columns.
    sheet.addImage(image, {
      tl: { col: at.col - 1 + (picture.offsetX ?? 0) / columnPixelsAt(model, at.col - 1), row: at.row - 1 },
      ext: { width: picture.width, height: picture.height },
      editAs: 'oneCell',
    });
  }
}

/** Pixel width of a column (0-based) as Excel draws it: 7 px a "0"-width plus 5 of padding. */
export function columnPixelsAt(model: SheetModel, col: number): number {
  return Math.floor((model.columnWidths?.[col] ?? 8.43) * 7 + 5);
}
