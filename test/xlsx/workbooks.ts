// Builds real .xlsx files for the tests with exceljs (what provinces' trackers look like on disk).
import * as ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface SheetSpec {
  name: string;
  /** Row-major, row 0 = sheet row 1; a `{ formula, result }` etc. is passed to exceljs as is. */
  rows: ExcelJS.CellValue[][];
  merges?: string[];
  /** Number formats by A1 address. */
  numFmts?: Record<string, string>;
  /** Fills (#RRGGBB) by A1 address, as a user might colour cells. */
  fills?: Record<string, string>;
}

export function workbookOf(sheets: SheetSpec[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    spec.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== undefined) sheet.getCell(r + 1, c + 1).value = value;
      }),
    );
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
    for (const [address, numFmt] of Object.entries(spec.numFmts ?? {})) sheet.getCell(address).numFmt = numFmt;
    for (const [address, color] of Object.entries(spec.fills ?? {})) {
      sheet.getCell(address).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${color.slice(1)}` } };
    }
  }
  return workbook;
}

export async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function xlsxOf(sheets: SheetSpec[]): Promise<Uint8Array> {
  return bytesOf(workbookOf(sheets));
}

export async function loaded(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  return workbook;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `${prefix}-`));
}

/** A UTC-midnight Date, as exceljs gives dates. */
export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

const MONTH_HEADER = ['联系点', '活动日期', '活动类型', '参加领导', '活动主题', '刊发情况'];

/** A province's tracker kept as one sheet per month, every sheet under the same header: 2月 has a
 *  序号 column first (so its letters differ) and an unreadable date on row 3 (C3); 3月 has its
 *  veteran visit on row 3 too, and no leader on row 2 (D2); 汇总 holds a record under a header
 *  mapping other fields. */
export const MONTHLY_SHEETS: SheetSpec[] = [
  { name: '1月', rows: [MONTH_HEADER, ['毕节', '2017-01-10', '专题讲座', '王五', '不忘合作初心，继续携手前进', '《贵州民进》第1期']] },
  {
    name: '2月',
    rows: [
      ['序号', ...MONTH_HEADER],
      [1, '毕节', '2017-02-08', '召开座谈会', '王五', '座谈交流', null],
      [2, '毕节', '2017年13月45日', '看望老同志', '王五', '走访慰问', null],
    ],
  },
  {
    name: '3月',
    rows: [
      MONTH_HEADER,
      ['毕节', '2017-03-05', '召开座谈会', null, '座谈交流'],
      ['毕节', '2017-03-20', '看望老同志', '王五', '走访慰问'],
    ],
  },
  { name: '汇总', rows: [['活动日期', '活动主题'], ['2017-03-31', '一季度小结']] },
];

/** The file as Chinese Excel or WPS saves a built-in East Asian format: the cells of a custom
 *  format code (written by exceljs as id 164…) refer to the built-in id instead, with no definition
 *  in the styles (`{ 'yyyy"年"m"月"d"日"': 31 }`). */
export function withBuiltinFormats(bytes: Uint8Array, ids: Record<string, number>): Uint8Array {
  const files = unzipSync(bytes);
  let styles = strFromU8(files['xl/styles.xml']);
  for (const [code, id] of Object.entries(ids)) {
    const escaped = code.replace(/"/g, '&quot;');
    const def = new RegExp(`<numFmt numFmtId="(\\d+)" formatCode="${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"/>`).exec(styles);
    if (!def) throw new Error(`no custom format ${code} in the styles`);
    styles = styles.replace(def[0], '').split(`numFmtId="${def[1]}"`).join(`numFmtId="${id}"`);
  }
  files['xl/styles.xml'] = strToU8(styles);
  return zipSync(files);
}
