// The whole check of an `.xlsx` file — load, find the tracker, read, validate, completeness — in
// one browser-safe function: the CLI, the bench and the task pane's browser mode all call this.
import { checkTracker, findTracker, type Campaign, type CheckReport, type IsoDate } from '../shared';
import { readWorkbookGrids } from './read-grids';
import { WorkbookError } from './workbook-error';

export interface CheckWorkbookOptions {
  /** Reported as `file` in the CheckReport. */
  file: string;
  sheet?: string;
  asOf?: IsoDate;
  allPoints?: boolean;
}

export async function checkWorkbook(
  data: ArrayBuffer | Uint8Array,
  campaign: Campaign,
  opts: CheckWorkbookOptions,
): Promise<CheckReport> {
  const sheets = await readWorkbookGrids(data);
  if (opts.sheet !== undefined && !sheets.some((s) => s.name === opts.sheet)) {
    const names = sheets.map((s) => `「${s.name}」`).join('、');
    throw new WorkbookError(
      'sheet-not-found',
      `工作簿中没有名为「${opts.sheet}」的工作表（现有：${names}）。`,
      `The workbook has no sheet named "${opts.sheet}" (it has: ${sheets.map((s) => s.name).join(', ')}).`,
    );
  }
  const read = findTracker(sheets, campaign, { file: opts.file, ...(opts.sheet === undefined ? {} : { sheet: opts.sheet }) });
  if (!read) {
    const where = opts.sheet === undefined ? '任何工作表中' : `工作表「${opts.sheet}」中`;
    throw new WorkbookError(
      'no-tracker',
      `在${where}都没有找到台账：需要一行表头，至少含“活动日期”列和“活动类型”或“活动主题”列。`,
      `No tracker found${opts.sheet === undefined ? '' : ` on sheet "${opts.sheet}"`}: a header row with at least a date column and a type or title column is needed.`,
    );
  }
  return checkTracker(read, campaign, { file: opts.file, asOf: opts.asOf, allPoints: opts.allPoints });
}
