// A submission sent as the tracker file itself (.xlsx, .xlsm, .xls, .ods, .csv): read with the same
// reading layer the CLI and the task pane use, inside the API's limits.
import { TextBudgetExceeded, chargeOnText, createTextBudget, findTracker, type Campaign } from '../../shared';
import { readWorkbookGrids } from '../../xlsx/read-grids';
import { nodeInflate } from '../../xlsx/read/inflate-node';
import { WorkbookError } from '../../xlsx/workbook-error';
import { badRequest, tooLarge, type ApiFailure } from './http/responses';
import { LIMITS } from './limits';
import { tooManyRecords, type SubmissionInput } from './submission-body';
import { assertRecordTexts, textBudgetFailure } from './text-limits';
import { guardXlsx, XLSX_LIMITS } from './xlsx-guard';

/** 413 codes by the limit a reader hit. */
const TOO_LARGE_CODES: Record<string, string> = { rows: 'xlsx-too-many-rows', columns: 'xlsx-too-many-columns', cells: 'xlsx-too-many-cells' };

function unreadable(err: WorkbookError): ApiFailure {
  if (err.code === 'too-large') return tooLarge(TOO_LARGE_CODES[String(err.details?.reason)] ?? 'xlsx-too-large', err.message, err.messageEn, err.details);
  return badRequest('xlsx-unreadable', err.message, err.messageEn, { reason: err.code });
}

export async function readXlsxSubmission(
  bytes: Uint8Array,
  campaign: Campaign,
  target: { provinceId: string; month: string; file?: string; sheet?: string },
): Promise<SubmissionInput> {
  // Before any parser: a zip (.xlsx, .ods) is walked and its parts inflated under caps first.
  guardXlsx(bytes);
  let sheets;
  try {
    // The same limits bound every reader, .xls (SheetJS stops at the row limit) and .csv included; the
    // text the cells expand to is charged while the grids are built, so an amplified file stops here.
    sheets = await readWorkbookGrids(bytes, {
      file: target.file,
      inflate: nodeInflate,
      limits: { rows: XLSX_LIMITS.rows, columns: XLSX_LIMITS.columns, cells: XLSX_LIMITS.cells, unzippedBytes: XLSX_LIMITS.uncompressedBytes },
      onText: chargeOnText(createTextBudget()),
    });
  } catch (err) {
    if (err instanceof TextBudgetExceeded) throw textBudgetFailure(err);
    if (err instanceof WorkbookError) throw unreadable(err);
    throw err;
  }
  const read = findTracker(sheets, campaign, { file: target.file, ...(target.sheet ? { sheet: target.sheet } : {}) });
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
