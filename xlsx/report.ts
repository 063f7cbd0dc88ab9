// The monthly report as an .xlsx: the 月报 sheet first, then 汇总 / 完成情况 / 报送情况, each
// rendered from its SheetModel by the shared renderer (browser-safe: bytes out, no node:*).
import * as ExcelJS from 'exceljs';
import type { AggregateResponse } from '../shared/api';
import { aggregateSheets, monthlyReportSheet, type MonthlyReport } from '../shared/report';
import type { CellStyle, SheetModel } from '../shared/sheet-model';
import type { Campaign } from '../shared/types';
import { renderSheetModel } from './render-sheet';

const BORDER: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF7F7F7F' } };

function cellsOf(sheet: ExcelJS.Worksheet, range: string): ExcelJS.Cell[] {
  const [from, to = from] = range.split(':');
  const a = sheet.getCell(from);
  const b = sheet.getCell(to);
  const cells: ExcelJS.Cell[] = [];
  for (let r = Number(a.row); r <= Number(b.row); r++) {
    for (let c = Number(a.col); c <= Number(b.col); c++) cells.push(sheet.getCell(r, c));
  }
  return cells;
}

/**
 * The document parts of CellStyle (size, alignment, border) that printed reports need. Applied
 * after renderSheetModel, replacing style objects (exceljs shares them between cells).
 */
function applyDocumentStyles(sheet: ExcelJS.Worksheet, styles: Record<string, CellStyle>): void {
  for (const [range, style] of Object.entries(styles)) {
    for (const cell of cellsOf(sheet, range)) {
      const next: Partial<ExcelJS.Style> = { ...cell.style };
      if (style.fontSize) next.font = { ...cell.style.font, size: style.fontSize };
      if (style.align) next.alignment = { ...cell.style.alignment, horizontal: style.align, vertical: 'middle' };
      if (style.border) next.border = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER };
      cell.style = next;
    }
  }
}

/** Row heights for lines in larger type, so titles are not clipped where no one autofits them. */
function fitTitleRows(sheet: ExcelJS.Worksheet, styles: Record<string, CellStyle>): void {
  for (const [range, style] of Object.entries(styles)) {
    if (!style.fontSize || style.fontSize <= 11 || range.includes(':')) continue;
    sheet.getRow(Number(sheet.getCell(range).row)).height = Math.ceil(style.fontSize * 1.6);
  }
}

function render(workbook: ExcelJS.Workbook, model: SheetModel): void {
  renderSheetModel(workbook, model);
  const sheet = workbook.getWorksheet(model.name);
  if (!sheet || !model.styles) return;
  applyDocumentStyles(sheet, model.styles);
  fitTitleRows(sheet, model.styles);
}

export async function writeMonthlyReportXlsx(
  report: MonthlyReport,
  aggregate: AggregateResponse,
  campaign: Campaign,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '联系点工作台账 liaison-tracker';
  workbook.created = new Date(report.generatedAt);
  for (const model of [monthlyReportSheet(report), ...aggregateSheets(aggregate, campaign)]) render(workbook, model);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
