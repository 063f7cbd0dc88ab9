// WorkbookPort over office.js. Thin: each method queues its commands on one request context and
// syncs a small constant number of times per row block; every decision is shared/'s.
import type { CellAnnotation, SheetModel } from '../../shared/sheet-model';
import { TEMPLATE_DATE_FORMAT } from '../../shared/template-layout';
import type { Campaign, CellValue } from '../../shared/types';
import { parseCell } from './a1';
import { applyExcelAnnotations, type NoteApi } from './excel-annotations';
import { readHiddenSheet, writeHiddenSheet } from './excel-hidden-sheet';
import { listSheets, readExcelGrids } from './excel-read';
import { writeSheetModel } from './excel-sheet-writer';
import { ensureExcelTemplate } from './excel-template';
import { toExcelRows } from './excel-values';
import type { AnnotationOutcome, ProgressFn, SheetGrid, TemplateOutcome, WorkbookPort } from './port';
import { ROW_BLOCK, sheetMissing } from './port';
import { SETTINGS_SHEET, settingsFromRows, settingsToRows } from './settings-rows';

/** Runs a batch on a request context: `Excel.run` in Excel, a mock context in tests. */
export type ExcelRunner = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const officeRunner: ExcelRunner = (options, batch) => Excel.run(options, batch);

/**
 * Every batch waits while the user is typing in a cell: without this a click on 检查 during cell
 * editing fails with InvalidOperationInCellEditMode (delayForCellEdit defaults to false).
 */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/** Whether the host implements ExcelApi `version` (false outside Office, e.g. under test). */
function supportsExcelApi(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements?.isSetSupported('ExcelApi', version) ?? false;
}

export interface ExcelWorkbookOptions {
  noteApi?: NoteApi;
  blockRows?: number;
  /** Whether the host can list merged areas (a point merged over several rows reads on each). */
  mergedAreas?: boolean;
}

export class ExcelWorkbook implements WorkbookPort {
  readonly kind = 'excel' as const;
  private readonly noteApi: NoteApi;
  private readonly blockRows: number;
  private readonly mergedAreas: boolean;
  /** The context of the user action in progress (see `transaction`). */
  private current: Excel.RequestContext | null = null;

  constructor(
    private readonly run: ExcelRunner = officeRunner,
    options: ExcelWorkbookOptions = {},
  ) {
    // Notes came with ExcelApi 1.18 (older hosts get threaded comments); merged areas with 1.13.
    this.noteApi = options.noteApi ?? (supportsExcelApi('1.18') ? 'notes' : 'comments');
    this.blockRows = options.blockRows ?? ROW_BLOCK;
    this.mergedAreas = options.mergedAreas ?? supportsExcelApi('1.13');
  }

  /** One Excel.run for a whole user action: every port call inside shares its context. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.current) return work();
    return this.run(RUN_OPTIONS, async (context) => {
      this.current = context;
      try {
        return await work();
      } finally {
        this.current = null;
      }
    });
  }

  private withContext<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.current ? batch(this.current) : this.run(RUN_OPTIONS, batch);
  }

  sheetNames(): Promise<string[]> {
    return this.withContext(async (context) => (await listSheets(context)).filter((s) => s.visible).map((s) => s.name));
  }

  readGrids(sheets?: string[], onProgress?: ProgressFn, signal?: AbortSignal): Promise<SheetGrid[]> {
    return this.withContext((context) => readExcelGrids(context, sheets, { blockRows: this.blockRows, onProgress, signal, mergedAreas: this.mergedAreas }));
  }

  applyAnnotations(sheet: string, annotations: CellAnnotation[]): Promise<AnnotationOutcome> {
    return this.withContext((context) => applyExcelAnnotations(context, sheet, annotations, this.noteApi, this.blockRows));
  }

  writeSheet(model: SheetModel, onProgress?: ProgressFn, signal?: AbortSignal): Promise<void> {
    return this.withContext((context) => writeSheetModel(context, model, { blockRows: this.blockRows, onProgress, signal }));
  }

  appendRow(sheet: string, row: number, values: CellValue[]): Promise<void> {
    return this.withContext(async (context) => {
      const probe = context.workbook.worksheets.getItemOrNullObject(sheet);
      await context.sync();
      if (probe.isNullObject) throw sheetMissing(sheet);
      const worksheet = context.workbook.worksheets.getItem(sheet);
      const tables = worksheet.getRange(`${Math.max(1, row - 1)}:${row}`).getTables(false);
      tables.load('items/name');
      await context.sync();

      const table = tables.items[0];
      let box: Excel.Range | null = null;
      if (table) {
        box = table.getRange().load('rowIndex, rowCount, columnIndex, columnCount');
        await context.sync();
      }
      const width = Math.max(values.length, 1);
      const cells = toExcelRows([values], width);
      const endsAbove = box !== null && box.rowIndex + box.rowCount === row - 1;
      if (table && box && endsAbove) {
        // Grow the table by its own API so its style, formats and validation reach the new row.
        const inside = cells[0].slice(box.columnIndex, box.columnIndex + box.columnCount);
        while (inside.length < box.columnCount) inside.push('');
        table.rows.add(undefined, [inside]);
        const before = cells[0].slice(0, box.columnIndex);
        const after = cells[0].slice(box.columnIndex + box.columnCount);
        if (before.some((v) => v !== '')) worksheet.getRangeByIndexes(row - 1, 0, 1, before.length).values = [before];
        if (after.some((v) => v !== '')) {
          worksheet.getRangeByIndexes(row - 1, box.columnIndex + box.columnCount, 1, after.length).values = [after];
        }
      } else {
        worksheet.getRangeByIndexes(row - 1, 0, 1, width).values = cells;
      }
      values.forEach((value, col) => {
        if (value instanceof Date) worksheet.getRangeByIndexes(row - 1, col, 1, 1).numberFormat = [[TEMPLATE_DATE_FORMAT]];
      });
      await context.sync();
    });
  }

  ensureTemplate(campaign: Campaign): Promise<TemplateOutcome> {
    return this.withContext((context) => ensureExcelTemplate(context, campaign));
  }

  select(sheet: string, cell: string): Promise<void> {
    parseCell(cell);
    return this.withContext(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(cell).select();
      await context.sync();
    });
  }

  activate(sheet: string): Promise<void> {
    return this.withContext(async (context) => {
      context.workbook.worksheets.getItem(sheet).activate();
      await context.sync();
    });
  }

  getSetting(key: string): Promise<string | null> {
    return this.withContext(async (context) => {
      const { rows } = await readHiddenSheet(context, SETTINGS_SHEET);
      return settingsFromRows(rows).get(key) ?? null;
    });
  }

  setSetting(key: string, value: string): Promise<void> {
    return this.withContext(async (context) => {
      const state = await readHiddenSheet(context, SETTINGS_SHEET);
      const settings = settingsFromRows(state.rows);
      settings.set(key, value);
      await writeHiddenSheet(context, SETTINGS_SHEET, settingsToRows(settings), state.exists);
      await context.sync();
    });
  }
}
