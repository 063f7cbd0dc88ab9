// WorkbookPort over an .xlsx held in memory (exceljs): the browser mode's workbook, also usable
// in Node. Built on the xlsx/ adapters — the same reader, renderer, annotator and template as the
// CLI — so a workbook checked here looks exactly like one checked by `liaison-tracker check --out`.
import * as ExcelJS from 'exceljs';
import { ANNOTATION_STATE_SHEET, memosFromRows } from '../../shared/annotation-plan';
import type { CellAnnotation, SheetModel } from '../../shared/sheet-model';
import type { Campaign, CellValue } from '../../shared/types';
import { sanitizeCellText } from '../../shared/sanitize';
import { applyAnnotations } from '../../xlsx/annotate';
import { loadWorkbook, sheetGrid, worksheetGrid } from '../../xlsx/read-grids';
import { renderSheetModel } from '../../xlsx/render-sheet';
import { TEMPLATE_SHEET, TEMPLATE_TABLE } from '../../shared/template-layout';
import { buildTemplate } from '../../xlsx/template';
import { parseCell, parseRange, rangeAddress } from './a1';
import type { AnnotationOutcome, ProgressFn, SheetGrid, TemplateOutcome, WorkbookPort } from './port';
import { sheetMissing, throwIfAborted } from './port';
import { SETTINGS_SHEET, settingsFromRows, settingsToRows } from './settings-rows';
import type { CellView, SheetSource } from './sheet-source';
import { plainValue } from '../../shared/cells';
import { parseDate } from '../../shared/dates';
import { HIGHLIGHT } from '../../shared/highlight';
import { dateFormatFor } from '../../shared/row-style';

/** exceljs's table object as far as we use it (its types leave the model out). */
interface TableModel {
  name: string;
  tableRef?: string;
  autoFilterRef?: string;
  rows?: unknown[][];
}
interface SheetTables {
  tables: Record<string, { table: TableModel }>;
}
/** exceljs orders tabs by this (present at runtime, missing from its types). */
interface Ordered {
  orderNo: number;
}

/** What exceljs keeps on a cell's value model once the cell has been written to a file. */
interface WrittenCell {
  _value?: { model?: { styleId?: number; comment?: unknown } };
  _comment?: unknown;
}

/**
 * exceljs writes a cell's style id and note onto the cell's value model and only overwrites them
 * when there is something new: after one save, a cell whose fill or note we removed would come
 * back in the next save with the old ones. Forget them, so each save reflects the cells as they are.
 */
function forgetWrittenCellState(workbook: ExcelJS.Workbook): void {
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const written = cell as unknown as WrittenCell;
        const model = written._value?.model;
        if (!model) return;
        delete model.styleId;
        if (!written._comment) delete model.comment;
      }),
    );
  }
}

export class MemoryWorkbook implements WorkbookPort, SheetSource {
  readonly kind = 'memory' as const;
  /** Where `select` pointed last (browser mode shows it; the saved file opens there). */
  selection: { sheet: string; cell: string } | null = null;

  constructor(readonly workbook: ExcelJS.Workbook) {}

  /** Throws WorkbookError (not-a-workbook, legacy-or-encrypted, …) with a message in both languages. */
  static async open(bytes: ArrayBuffer | Uint8Array): Promise<MemoryWorkbook> {
    return new MemoryWorkbook(await loadWorkbook(bytes));
  }

  static fromTemplate(campaign: Campaign): MemoryWorkbook {
    return new MemoryWorkbook(buildTemplate(campaign));
  }

  /** Can be called again after more work: browser mode saves, keeps working, saves again. */
  async save(): Promise<Uint8Array> {
    forgetWrittenCellState(this.workbook);
    return new Uint8Array(await this.workbook.xlsx.writeBuffer());
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const sheet = this.workbook.getWorksheet(name);
    if (!sheet) throw sheetMissing(name);
    return sheet;
  }

  async sheetNames(): Promise<string[]> {
    return this.workbook.worksheets.filter((ws) => ws.state === 'visible' || ws.state === undefined).map((ws) => ws.name);
  }

  async readGrids(sheets?: string[], onProgress?: ProgressFn, signal?: AbortSignal): Promise<SheetGrid[]> {
    const names = sheets ?? (await this.sheetNames());
    return names.map((name) => {
      throwIfAborted(signal, '读取工作表');
      const read = sheetGrid(this.sheet(name));
      onProgress?.({ sheet: name, done: read.grid.length, total: read.grid.length });
      return read;
    });
  }

  async applyAnnotations(sheet: string, annotations: CellAnnotation[]): Promise<AnnotationOutcome> {
    this.sheet(sheet);
    const state = this.workbook.getWorksheet(ANNOTATION_STATE_SHEET);
    const before = state ? memosFromRows(worksheetGrid(state)).filter((m) => m.sheet === sheet) : [];
    applyAnnotations(this.workbook, sheet, annotations);
    const annotated = new Set(annotations.map((a) => a.cell));
    return { painted: annotated.size, cleared: before.filter((m) => !annotated.has(m.cell)).length };
  }

  async writeSheet(model: SheetModel, onProgress?: ProgressFn, signal?: AbortSignal): Promise<void> {
    throwIfAborted(signal, model.name);
    const old = this.workbook.getWorksheet(model.name);
    const orderNo = (old as unknown as Ordered | undefined)?.orderNo;
    renderSheetModel(this.workbook, model);
    // renderSheetModel adds the sheet at the end; put it back where the old one was.
    if (orderNo !== undefined) (this.sheet(model.name) as unknown as Ordered).orderNo = orderNo;
    onProgress?.({ sheet: model.name, done: model.rows.length, total: model.rows.length });
  }

  async appendRow(sheet: string, row: number, values: CellValue[], styleFrom?: number): Promise<void> {
    const worksheet = this.sheet(sheet);
    const template = styleFrom ? worksheet.getRow(styleFrom) : null;
    const width = Math.max(values.length, template?.cellCount ?? 0);
    if (template?.height) worksheet.getRow(row).height = template.height;
    for (let col = 1; col <= width; col++) {
      const value = values[col - 1] ?? null;
      const cell = worksheet.getCell(row, col);
      const above = template?.getCell(col);
      if (above) cell.style = userStyle(above);
      if (value === null || value === undefined) continue;
      // exceljs writes a string as a string cell: it only makes formulas from { formula }.
      cell.value = value;
      if (value instanceof Date) cell.numFmt = dateFormatFor(above?.numFmt ?? worksheet.getColumn(col).numFmt, worksheet.getColumn(col).width);
    }
    for (const { table } of Object.values((worksheet as unknown as SheetTables).tables)) {
      const ref = table.tableRef ? parseRange(table.tableRef) : null;
      if (!ref || ref.top + ref.rows !== row - 1) continue;
      // The table ends just above: grow it by one row, as Excel does when you type below a table.
      table.tableRef = rangeAddress({ ...ref, rows: ref.rows + 1 });
      if (table.autoFilterRef) table.autoFilterRef = table.tableRef;
      table.rows?.push(new Array(ref.cols).fill(null));
    }
  }

  async ensureTemplate(campaign: Campaign): Promise<TemplateOutcome> {
    for (const worksheet of this.workbook.worksheets) {
      const table = (worksheet as unknown as SheetTables).tables[TEMPLATE_TABLE];
      if (table) {
        const headerRow = table.table.tableRef ? parseRange(table.table.tableRef).top + 1 : 1;
        return { sheet: worksheet.name, headerRow, created: false };
      }
    }
    const template = buildTemplate(campaign);
    let trackerName = TEMPLATE_SHEET;
    for (const source of template.worksheets) {
      let name = source.name;
      for (let n = 2; this.workbook.getWorksheet(name); n++) name = `${source.name}${n}`;
      if (source.name === TEMPLATE_SHEET) trackerName = name;
      // A worksheet's model carries cells, styles, widths, validations, views and tables.
      const target = this.workbook.addWorksheet(name);
      target.model = { ...source.model, id: target.id, name } as ExcelJS.WorksheetModel;
      target.state = source.state;
    }
    return { sheet: trackerName, headerRow: 1, created: true };
  }

  async select(sheet: string, cell: string): Promise<void> {
    parseCell(cell);
    await this.activate(sheet);
    const worksheet = this.sheet(sheet);
    worksheet.views = [{ ...(worksheet.views?.[0] ?? {}), activeCell: cell }];
    this.selection = { sheet, cell };
  }

  async activate(sheet: string): Promise<void> {
    const index = this.workbook.worksheets.indexOf(this.sheet(sheet));
    this.workbook.views = [{ ...(this.workbook.views?.[0] ?? { x: 0, y: 0, width: 10000, height: 20000 }), activeTab: index, firstSheet: 0, visibility: 'visible' }];
  }

  async getSetting(key: string): Promise<string | null> {
    const sheet = this.workbook.getWorksheet(SETTINGS_SHEET);
    return sheet ? (settingsFromRows(worksheetGrid(sheet)).get(key) ?? null) : null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    const old = this.workbook.getWorksheet(SETTINGS_SHEET);
    const settings = old ? settingsFromRows(worksheetGrid(old)) : new Map<string, string>();
    settings.set(key, value);
    if (old) this.workbook.removeWorksheet(old.id);
    const sheet = this.workbook.addWorksheet(SETTINGS_SHEET, { state: 'veryHidden' });
    settingsToRows(settings).forEach((cells, r) => cells.forEach((text, c) => (sheet.getCell(r + 1, c + 1).value = text)));
  }

  // ── SheetSource: the browser mode's grid ──

  size(sheet: string): { rows: number; cols: number } {
    const worksheet = this.sheet(sheet);
    return { rows: Math.max(1, worksheet.rowCount), cols: Math.max(1, worksheet.columnCount) };
  }

  cell(sheet: string, row: number, col: number): CellView {
    const cell = this.sheet(sheet).findCell(row, col);
    if (!cell) return { text: '', fill: null, color: null, note: null };
    return { text: displayText(plainValue(cell.value)), fill: solidFill(cell.fill), color: argbToHex(cell.font?.color?.argb), note: noteText(cell.note) };
  }

  columnWidth(sheet: string, col: number): number | null {
    return this.sheet(sheet).getColumn(col).width ?? null;
  }

  setCell(sheet: string, row: number, col: number, text: string): void {
    const cell = this.sheet(sheet).getCell(row, col);
    const trimmed = text.trim();
    if (trimmed === '') {
      cell.value = null;
      return;
    }
    // A date cell stays a date cell (its number format kept) when the new text is a date; anything else is text.
    const parsed = cell.value instanceof Date ? parseDate(trimmed) : null;
    if (parsed?.ok) {
      cell.value = new Date(`${parsed.date}T00:00:00Z`);
      return;
    }
    const number = typeof cell.value === 'number' && /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : null;
    cell.value = number ?? sanitizeCellText(trimmed);
  }
}

/** A copy of the cell's style without our own problem highlight (a check may have painted the row above). */
function userStyle(cell: ExcelJS.Cell): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = JSON.parse(JSON.stringify(cell.style ?? {}));
  const painted = Object.values(HIGHLIGHT).some((h) => solidFill(cell.fill) === h.fill);
  if (painted) {
    delete style.fill;
    if (style.font) delete style.font.color;
  }
  return style;
}

function displayText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

function argbToHex(argb: string | undefined): string | null {
  return argb && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

function solidFill(fill: ExcelJS.Fill | undefined): string | null {
  return fill?.type === 'pattern' && fill.pattern === 'solid' ? argbToHex(fill.fgColor?.argb) : null;
}

function noteText(note: string | ExcelJS.Comment | undefined): string | null {
  if (!note) return null;
  const text = typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
  return text || null;
}
