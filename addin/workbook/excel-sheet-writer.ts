// Renders a SheetModel (shared/ decided its content) into Excel: values first in row blocks, then
// formats, conditional formats, data bars, charts and print layout, bounded to the model's ranges.
import { TABLE_BORDER_COLOR, TABLE_HEADER_STYLE, type CellStyle, type ChartSpec, type SheetModel } from '../../shared/sheet-model';
import { parseRange, rangeAddress } from './a1';
import { toExcelRows } from './excel-values';
import { jsonBytes, payloadBlocks, SyncBudget } from './excel-sync-budget';
import type { ProgressFn } from './port';
import { ROW_BLOCK, throwIfAborted } from './port';

/** Column widths in the model are in characters (as in .xlsx); office.js wants points. */
export const POINTS_PER_CHAR = 7;

function modelWidth(model: SheetModel): number {
  return model.rows.reduce((w, row) => Math.max(w, row.length), 1);
}

const ALIGNMENT = { left: 'Left', center: 'Center', right: 'Right' } as const;
const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

function applyStyle(range: Excel.Range, style: CellStyle): void {
  if (style.fill) range.format.fill.color = style.fill;
  if (style.font) range.format.font.color = style.font;
  if (style.bold !== undefined) range.format.font.bold = style.bold;
  if (style.fontSize) range.format.font.size = style.fontSize;
  if (style.align) range.format.horizontalAlignment = ALIGNMENT[style.align];
  if (style.wrap) {
    range.format.wrapText = true;
    range.format.verticalAlignment = 'Top';
  }
  if (style.border) {
    for (const edge of BORDER_EDGES) {
      const border = range.format.borders.getItem(edge);
      border.style = 'Continuous';
      border.color = TABLE_BORDER_COLOR;
    }
  }
}

/** A number-format 2-D array for each row block of `address` (office.js sets formats cell by cell). */
function numberFormatBlocks(address: string, format: string, blockRows: number): { address: string; formats: string[][] }[] {
  const box = parseRange(address);
  const blocks: { address: string; formats: string[][] }[] = [];
  for (let top = box.top; top < box.top + box.rows; top += blockRows) {
    const rows = Math.min(blockRows, box.top + box.rows - top);
    const formats = Array.from({ length: rows }, () => new Array<string>(box.cols).fill(format));
    blocks.push({ address: rangeAddress({ top, left: box.left, rows, cols: box.cols }), formats });
  }
  return blocks;
}

function addChart(sheet: Excel.Worksheet, spec: ChartSpec): void {
  const chart = sheet.charts.add(spec.type === 'bar' ? 'BarClustered' : 'ColumnClustered', sheet.getRange(spec.values), 'Columns');
  chart.title.text = spec.title;
  chart.legend.visible = false;
  chart.series.getItemAt(0).setXAxisValues(sheet.getRange(spec.categories));
  chart.setPosition(spec.from, spec.to);
}

function printTitleRows(rows: string): string {
  return rows.includes('$') ? rows : rows.replace(/(\d+)/g, '$$$1');
}

/**
 * Replaces the sheet `model.name` (deleting it and adding it back at the same tab position, which
 * drops every old value, format, rule and chart at once). Syncs: 1 + one per row block + formats.
 */
export async function writeSheetModel(
  context: Excel.RequestContext,
  model: SheetModel,
  options: { blockRows?: number; onProgress?: ProgressFn; signal?: AbortSignal } = {},
): Promise<void> {
  const blockRows = options.blockRows ?? ROW_BLOCK;
  const worksheets = context.workbook.worksheets;
  const existing = worksheets.getItemOrNullObject(model.name);
  existing.load('position');
  await context.sync();

  let sheet: Excel.Worksheet;
  if (existing.isNullObject) {
    sheet = worksheets.add(model.name);
  } else {
    const position = existing.position;
    existing.delete();
    sheet = worksheets.add(model.name);
    sheet.position = position;
  }

  const width = modelWidth(model);
  const total = model.rows.length;
  const cells = toExcelRows(model.rows, width);
  for (const { start, end } of payloadBlocks(cells, blockRows)) {
    throwIfAborted(options.signal, model.name);
    context.application.suspendApiCalculationUntilNextSync();
    sheet.getRangeByIndexes(start, 0, end - start, width).values = cells.slice(start, end);
    await context.sync();
    options.onProgress?.({ sheet: model.name, done: end, total });
  }

  const budget = new SyncBudget(context);
  (model.columnWidths ?? []).forEach((chars, col) => {
    sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = chars * POINTS_PER_CHAR;
  });
  for (const row of model.headerRows) applyStyle(sheet.getRangeByIndexes(row - 1, 0, 1, width), TABLE_HEADER_STYLE);
  const firstHeader = Math.min(...model.headerRows);
  if (Number.isFinite(firstHeader) && total >= firstHeader) {
    applyStyle(sheet.getRangeByIndexes(firstHeader - 1, 0, total - firstHeader + 1, width), { border: true });
  }
  for (const [address, format] of Object.entries(model.numberFormats ?? {})) {
    for (const block of numberFormatBlocks(address, format, blockRows)) {
      await budget.add(block.formats.length * (block.formats[0]?.length ?? 0), jsonBytes(block.formats));
      sheet.getRange(block.address).numberFormat = block.formats;
    }
  }
  for (const [address, style] of Object.entries(model.styles ?? {})) applyStyle(sheet.getRange(address), style);
  for (const address of model.merges ?? []) sheet.getRange(address).merge(false);
  if (model.freezeRows) sheet.freezePanes.freezeRows(model.freezeRows);
  for (const rule of model.conditionalFormats ?? []) {
    const format = sheet.getRange(rule.range).conditionalFormats.add('CellValue');
    format.cellValue.rule = { formula1: `="${rule.equals.replace(/"/g, '""')}"`, operator: 'EqualTo' };
    if (rule.style.fill) format.cellValue.format.fill.color = rule.style.fill;
    if (rule.style.font) format.cellValue.format.font.color = rule.style.font;
    if (rule.style.bold !== undefined) format.cellValue.format.font.bold = rule.style.bold;
  }
  for (const bar of model.dataBars ?? []) {
    const format = sheet.getRange(bar.range).conditionalFormats.add('DataBar');
    format.dataBar.positiveFormat.fillColor = bar.color;
  }
  for (const chart of model.charts ?? []) addChart(sheet, chart);
  if (model.print) {
    sheet.pageLayout.paperSize = 'A4';
    sheet.pageLayout.orientation = model.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    if (model.print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (model.print.repeatRows) sheet.pageLayout.setPrintTitleRows(printTitleRows(model.print.repeatRows));
  }
  await budget.flush();
}
