// Bounds on how much text one submission may turn into, checked while grids and records are built.
//
// A small .xlsx can hold one long shared string and a hundred thousand cells that point at it;
// rich-text runs and merged ranges multiply text the same way. The bytes sent are bounded (10 MiB,
// 64 MiB unzipped) but the text they expand into is not: 411 KiB became 200 million characters of
// records. So every reader charges each cell's text to one budget as it builds the grid (a shared
// string once per cell that uses it), and refuses as soon as the budget is spent, before records,
// issues or JSON exist. The JSON body path charges its records to the same kind of budget.
//
// The limits (decided here, documented in the README):
//  - one cell: Excel's own 32,767 characters — a longer cell cannot come from Excel;
//  - one submission: 8 Mi characters of cell text (a 20,000-row tracker with long 活动简况 uses
//    a few Mi; the JSON body limit of 8 MiB of UTF-8 holds under 3 Mi Chinese characters);
//  - per field of a record, lower where a tracker never needs more (FIELD_TEXT_LIMITS).
import { cellAddress } from './columns';
import { EXCEL_CELL_CHARS } from './sanitize';
import type { TrackerRecord } from './types';

export const TEXT_LIMITS = {
  cellChars: EXCEL_CELL_CHARS,
  submissionChars: 8 * 1024 * 1024,
} as const;

type TextField = Exclude<{ [K in keyof TrackerRecord]-?: TrackerRecord[K] extends string | null | undefined ? K : never }[keyof TrackerRecord], 'date' | 'type'>;

/** The most text a record's field may hold once read. Names, places and labels are short; the
 *  narrative fields may fill a cell. */
export const FIELD_TEXT_LIMITS: Record<TextField, number> = {
  sheet: 200,
  column: 200,
  liaisonPointId: 500,
  liaisonPointText: 500,
  dateText: 500,
  typeText: 500,
  participantsText: 500,
  leader: 1000,
  filledBy: 500,
  title: 4000,
  publication: 4000,
  summary: EXCEL_CELL_CHARS,
  materials: EXCEL_CELL_CHARS,
  remarks: EXCEL_CELL_CHARS,
  status: 20,
  // The cell the status was read from (a remark, a summary) is quoted whole.
  statusText: EXCEL_CELL_CHARS,
  statusColumn: 200,
};

export type TextBudgetCode = 'text-budget-exceeded' | 'cell-text-too-long';

/** Thrown by a reader when the input would expand past a limit. */
export class TextBudgetExceeded extends Error {
  override readonly name = 'TextBudgetExceeded';
  constructor(
    readonly code: TextBudgetCode,
    message: string,
    readonly messageEn: string,
    /** Where the limit was passed: `Sheet1!B7`, `records[12].title`. */
    readonly where: string,
    readonly limitChars: number,
  ) {
    super(message);
  }
}

export interface TextBudget {
  readonly limitChars: number;
  readonly usedChars: number;
  /** Counts `text` (found at `where`); throws TextBudgetExceeded once a limit is passed. */
  charge(text: string, where: () => string): void;
  /** The same for a text known only by its length (readers that count before they keep a value). */
  chargeChars(chars: number, where: () => string): void;
}

const mi = (chars: number) => `${(chars / 1024 / 1024).toFixed(0)} Mi`;

export function createTextBudget(limitChars: number = TEXT_LIMITS.submissionChars, cellChars: number = TEXT_LIMITS.cellChars): TextBudget {
  let used = 0;
  return {
    limitChars,
    get usedChars() {
      return used;
    },
    charge(text, where) {
      this.chargeChars(text.length, where);
    },
    chargeChars(chars, where) {
      if (chars > cellChars) {
        const at = where();
        throw new TextBudgetExceeded(
          'cell-text-too-long',
          `${at} 的文字有 ${chars} 个字符，超过 Excel 单元格上限 ${cellChars}：文件不是 Excel 正常保存的，请在 Excel 中打开、另存后再报送。`,
          `${at} holds ${chars} characters, more than Excel's cell limit of ${cellChars}: the file was not saved by Excel; open it in Excel, save it and submit again.`,
          at,
          cellChars,
        );
      }
      used += chars;
      if (used > limitChars) {
        const at = where();
        throw new TextBudgetExceeded(
          'text-budget-exceeded',
          `文件展开后的文字超过上限（${mi(limitChars)} 字符，在 ${at} 处超出）：很可能大量单元格重复引用同一段长文字。请删除重复内容或拆分台账后再报送。`,
          `The file expands to more text than allowed (${mi(limitChars)} characters, passed at ${at}): many cells probably repeat one long text. Remove the repetition or split the tracker and submit again.`,
          at,
          limitChars,
        );
      }
    },
  };
}

/** The reading layer's `onText` hook (xlsx/read/options) charging `budget`, cell by cell as the
 *  grids are built (a merge's copies and each use of a shared string included). */
export function chargeOnText(budget: TextBudget): (length: number, sheet: string, row: number, col: number) => void {
  return (length, sheet, row, col) => budget.chargeChars(length, () => `${sheet}!${cellAddress(row + 1, col)}`);
}

export interface FieldTooLong {
  index: number;
  record: TrackerRecord;
  field: TextField;
  length: number;
  limit: number;
}

/** Charges the records' texts and returns the first field past its FIELD_TEXT_LIMITS, if any. */
export function checkRecordTexts(records: readonly TrackerRecord[], budget?: TextBudget): FieldTooLong | null {
  const fields = Object.keys(FIELD_TEXT_LIMITS) as TextField[];
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    for (const field of fields) {
      const value = record[field];
      if (typeof value !== 'string') continue;
      budget?.charge(value, () => `records[${index}].${field}`);
      if (value.length > FIELD_TEXT_LIMITS[field]) return { index, record, field, length: value.length, limit: FIELD_TEXT_LIMITS[field] };
    }
  }
  return null;
}
