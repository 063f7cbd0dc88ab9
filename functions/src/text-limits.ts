// The API side of shared/text-budget: a submission's text is bounded after reading, not only its
// bytes. Past the total (or a cell longer than Excel allows) → 413 with the budget's own code;
// a field longer than a tracker ever needs → 400 `field-too-long`, saying which row and field.
import { FIELD_LABELS, TextBudgetExceeded, checkRecordTexts, createTextBudget, type TrackerRecord } from '../../shared';
import { ApiFailure, badRequest, tooLarge } from './http/responses';

export function textBudgetFailure(err: TextBudgetExceeded): ApiFailure {
  return tooLarge(err.code, err.message, err.messageEn, { where: err.where, limitChars: err.limitChars });
}

/** `liaisonPointText` → the label of 联系点. */
const label = (field: string): { zh: string; en: string } =>
  (FIELD_LABELS as Record<string, { zh: string; en: string } | undefined>)[field.replace(/(Id|Text)$/, '')] ?? { zh: field, en: field };

/** The records' texts within the submission budget and each field within its own limit. */
export function assertRecordTexts(records: readonly TrackerRecord[]): void {
  let tooLong;
  try {
    tooLong = checkRecordTexts(records, createTextBudget());
  } catch (err) {
    if (err instanceof TextBudgetExceeded) throw textBudgetFailure(err);
    throw err;
  }
  if (!tooLong) return;
  const { record, field, length, limit, index } = tooLong;
  const where = record.sheet ? `工作表「${record.sheet}」第${record.row}行` : `第${record.row}行`;
  const name = label(field);
  throw badRequest(
    'field-too-long',
    `${where}的「${name.zh}」有 ${length} 个字符，超过上限 ${limit}：请缩短后再报送。`,
    `Row ${record.row}${record.sheet ? ` of sheet "${record.sheet}"` : ''}: ${name.en} holds ${length} characters, more than the limit of ${limit}. Shorten it and submit again.`,
    { path: `records[${index}].${field}`, row: record.row, sheet: record.sheet, field, limit, length },
  );
}

