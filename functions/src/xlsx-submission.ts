// A submission sent as the .xlsx itself: read with the same reader the CLI and task pane use.
import { TextBudgetExceeded, createTextBudget, findTracker, type Campaign } from '../../shared';
import { readWorkbookGrids } from '../../xlsx/read-grids';
import { WorkbookError } from '../../xlsx/workbook-error';
import { badRequest } from './http/responses';
import { LIMITS } from './limits';
import { tooManyRecords, type SubmissionInput } from './submission-body';
import { assertRecordTexts, textBudgetFailure } from './text-limits';
import { guardXlsx } from './xlsx-guard';

export async function readXlsxSubmission(
  bytes: Uint8Array,
  campaign: Campaign,
  target: { provinceId: string; month: string; file?: string; sheet?: string },
): Promise<SubmissionInput> {
  // Before exceljs: it would expand a zip bomb or a million-row sheet in memory first.
  guardXlsx(bytes);
  let sheets;
  try {
    // The text the cells expand to is charged while the grids are built: an amplified file stops here.
    sheets = await readWorkbookGrids(bytes, { budget: createTextBudget() });
  } catch (err) {
    if (err instanceof TextBudgetExceeded) throw textBudgetFailure(err);
    if (err instanceof WorkbookError) throw badRequest('xlsx-unreadable', err.message, err.messageEn, { reason: err.code });
    throw err;
  }
  const read = findTracker(sheets, campaign, target.sheet ? { sheet: target.sheet } : undefined);
  if (!read) {
    const where = target.sheet ? `工作表「${target.sheet}」` : '工作簿';
    throw badRequest(
      'no-tracker',
      `${where}中找不到台账：需要一行表头，至少包含「活动日期」和「活动类型」或「活动主题」。`,
      `No tracker found in the ${target.sheet ? `sheet "${target.sheet}"` : 'workbook'}: a header row with at least a date and a type or title column is needed.`,
      { sheets: sheets.map((s) => s.name) },
    );
  }
  if (read.records.length > LIMITS.recordsPerSubmission) throw tooManyRecords(read.records.length);
  assertRecordTexts(read.records);
  return {
    campaignId: campaign.id,
    provinceId: target.provinceId,
    month: target.month,
    records: read.records,
    columns: read.columns,
    source: { file: target.file, sheet: read.sheet },
    ...(read.parts ? { parts: read.parts } : {}),
  };
}
