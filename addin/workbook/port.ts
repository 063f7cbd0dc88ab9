// "The workbook" as the task pane's flows see it. Two implementations: Excel through office.js
// (excel-workbook.ts) and an .xlsx held in memory (memory-workbook.ts, the browser mode). Nothing
// here decides anything about the domain: shared/ does; a port only reads and writes.
import type { CellAnnotation, SheetModel } from '../../shared/sheet-model';
import type { Campaign, CellValue, SheetGrid } from '../../shared/types';

export type { SheetGrid };

/** Progress of a long read or write, in rows. */
export interface Progress {
  sheet: string;
  done: number;
  total: number;
}
export type ProgressFn = (progress: Progress) => void;

/** What `applyAnnotations` did, for the pane and for tests. */
export interface AnnotationOutcome {
  /** Cells painted and noted by this check. */
  painted: number;
  /** Cells of an earlier check whose problem is gone: original fill restored, note removed. */
  cleared: number;
}

/** What `ensureTemplate` found or made. */
export interface TemplateOutcome {
  /** The tracker sheet (台账). */
  sheet: string;
  headerRow: number;
  /** False when the template was already there: a second call changes nothing. */
  created: boolean;
}

export interface WorkbookPort {
  /** 'excel' = office.js in Excel; 'memory' = an .xlsx in the browser (or Node). */
  readonly kind: 'excel' | 'memory';

  /**
   * Runs a whole user action as one unit: in Excel one `Excel.run` whose context every port call
   * inside shares; in memory simply `work()`. Calls outside a transaction run on their own.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;

  /** Visible sheets, in tab order (our very-hidden state sheets are never listed). */
  sheetNames(): Promise<string[]>;

  /**
   * The used cells of `sheets` (default: every visible sheet), read in row blocks. Dates come as
   * Excel gives them (serial numbers in Excel, `Date` from .xlsx); shared/ reads both.
   */
  readGrids(sheets?: string[], onProgress?: ProgressFn, signal?: AbortSignal): Promise<SheetGrid[]>;

  /**
   * Paints and notes the problem cells of a tracker sheet, and clears the annotations of an
   * earlier check that are gone, restoring the fill the cell had before we painted it. Formatting
   * we did not put there is never touched. State is kept in a very-hidden sheet.
   */
  applyAnnotations(sheet: string, annotations: CellAnnotation[]): Promise<AnnotationOutcome>;

  /** Replaces a sheet we own (完成情况, 汇总, 报送情况, 月报) with `model`, keeping its tab position. */
  writeSheet(model: SheetModel, onProgress?: ProgressFn, signal?: AbortSignal): Promise<void>;

  /**
   * Writes one record row at 1-based `row` (the flow picks the first free row below the table).
   * Text is written as text (never a formula); a `Date` becomes a date cell. When an Excel table
   * ends just above `row`, the table grows to include it. `styleFrom` names a row the user wrote
   * (the last record): the new row takes its number formats and styles, and a date the column's
   * own date format (or one that fits the column's width).
   */
  appendRow(sheet: string, row: number, values: CellValue[], styleFrom?: number): Promise<void>;

  /**
   * The standard tracker (the layout of xlsx/ buildTemplate): an Excel table with our columns,
   * dropdowns for 联系点 and 活动类型, date format. Idempotent.
   */
  ensureTemplate(campaign: Campaign): Promise<TemplateOutcome>;

  /** Shows the sheet and selects `cell` (an A1 address), e.g. when a problem is clicked. */
  select(sheet: string, cell: string): Promise<void>;
  activate(sheet: string): Promise<void>;

  /** Settings kept in the workbook itself (the remembered column mapping), so they travel with it. */
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;
}

/** Thrown by ports with a stable code and both languages, for the pane to show. */
export class WorkbookPortError extends Error {
  constructor(
    readonly code: 'sheet-missing' | 'cancelled' | 'not-a-workbook' | 'write-failed',
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'WorkbookPortError';
  }
}

/** Rows per read or write request: 5,000 rows × ~20 columns stays far below Excel on the web's 5 MB payload limit. */
export const ROW_BLOCK = 5000;

export function throwIfAborted(signal: AbortSignal | undefined, where: string): void {
  if (signal?.aborted) {
    throw new WorkbookPortError('cancelled', `已取消（${where}）。`, `Cancelled (${where}).`);
  }
}

export function sheetMissing(sheet: string): WorkbookPortError {
  return new WorkbookPortError('sheet-missing', `找不到工作表「${sheet}」。`, `Sheet "${sheet}" not found.`);
}
