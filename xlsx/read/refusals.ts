// The files a reader cannot use, each with its own code and a remedy: one table, so the CLI, the
// API and the pane say the same thing.
import { WorkbookError } from '../workbook-error';

const FORMATS_ZH = '.xlsx、.xlsm、.xls、.ods、.csv';
const FORMATS_EN = '.xlsx, .xlsm, .xls, .ods or .csv';

export const REFUSALS = {
  empty: {
    code: 'empty-file',
    zh: '文件是空的（0 字节）：请确认选择了正确的台账文件，或在 Excel/WPS 中重新保存后再试。',
    en: 'The file is empty (0 bytes): check that you chose the right tracker, or save it again in Excel/WPS.',
  },
  encrypted: {
    code: 'encrypted',
    zh: '工作簿设有打开密码，请去掉密码后另存为 .xlsx 再试（Excel：文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码；WPS：文件 → 文档加密）。',
    en: 'The workbook has an opening password and cannot be read: remove the password in Excel/WPS and save it as .xlsx, then try again.',
  },
  chartOnly: {
    code: 'no-worksheet',
    zh: '工作簿里只有图表，没有可读取的工作表：请打开含有台账表格的工作簿，或把台账复制到一个普通工作表后另存为 .xlsx 再试。',
    en: 'The workbook holds only charts, no worksheet to read: open the workbook with the tracker table, or copy the tracker into an ordinary sheet and save it as .xlsx.',
  },
  foreign: {
    code: 'not-a-workbook',
    zh: `文件不是电子表格（可读取 ${FORMATS_ZH}）：请在 Excel/WPS 中打开台账后另存为 .xlsx 再试。`,
    en: `The file is not a spreadsheet (readable: ${FORMATS_EN}): open the tracker in Excel/WPS, save it as .xlsx and try again.`,
  },
  wordDocument: {
    code: 'not-a-workbook',
    zh: '文件是 Word 文档，不是电子表格：请把台账表格复制到 Excel/WPS 表格中，另存为 .xlsx 再试。',
    en: 'The file is a Word document, not a spreadsheet: copy the tracker table into Excel/WPS and save it as .xlsx.',
  },
} as const;

export type Refusal = keyof typeof REFUSALS;

export function refuse(kind: Refusal): WorkbookError {
  const r = REFUSALS[kind];
  return new WorkbookError(r.code, r.zh, r.en);
}

export function tooLarge(what: string, whatEn: string, details: Record<string, unknown>): WorkbookError {
  return new WorkbookError(
    'too-large',
    `工作簿过大，无法读取（${what}）：请删除多余的工作表、空行或右侧的内容后再试。`,
    `The workbook is too large to read (${whatEn}): remove extra sheets, empty rows or content on the right and try again.`,
    details,
  );
}

export function damaged(why: string): WorkbookError {
  return new WorkbookError(
    'damaged',
    `文件已损坏，无法读取（${why}）：请在 Excel/WPS 中打开后另存为 .xlsx 再试。`,
    `The file is damaged and cannot be read (${why}): open it in Excel/WPS, save it as .xlsx and try again.`,
    { why },
  );
}
