// Dates in both of Excel's date systems and in the built-in East Asian formats, read through the
// CLI's path, and the formats kept in every copy we write. (Issue 10: Mac Excel workbooks read four
// years early; 「2017年4月12日」 cells came back as 42837.)
import * as ExcelJS from 'exceljs';
import { DEFAULT_CAMPAIGN, type CheckReport } from '../../shared';
import { checkWorkbook, readWorkbookGrids, writeCheckedWorkbook } from '../../xlsx';
import { definedCjkFormats, withCjkFormatsDefined } from '../../xlsx/cjk-number-formats';
import { MemoryWorkbook } from '../../addin/workbook/memory-workbook';
import { bytesOf, day, loaded, withBuiltinFormats, workbookOf, type SheetSpec } from './workbooks';

const CN_DATE = 'yyyy"年"m"月"d"日"';
const CN_MONTH_DAY = 'm"月"d"日"';
const HEADER = ['联系点', '活动日期', '活动类型', '参加领导', '活动主题', '刊发情况'];

/** Days since 1904-01-01 (Mac Excel's serial) of an ISO date. */
function serial1904(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1904, 0, 1)) / 86_400_000);
}
function serial1900(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

interface Case {
  label: string;
  date1904: boolean;
  /** The date cell as written (B2). */
  cell: ExcelJS.CellValue;
  numFmt?: string;
  /** Built-in ids the format codes are saved as. */
  builtins?: Record<string, number>;
  expected: string;
}

const CASES: Case[] = [
  { label: '1900, built-in 31', date1904: false, cell: day('2017-04-12'), numFmt: CN_DATE, builtins: { [CN_DATE]: 31 }, expected: '2017-04-12' },
  { label: '1904, built-in 31', date1904: true, cell: day('2017-04-12'), numFmt: CN_DATE, builtins: { [CN_DATE]: 31 }, expected: '2017-04-12' },
  { label: '1904, built-in 58', date1904: true, cell: day('2017-04-12'), numFmt: CN_MONTH_DAY, builtins: { [CN_MONTH_DAY]: 58 }, expected: '2017-04-12' },
  { label: '1904, custom date format', date1904: true, cell: day('2017-05-20'), numFmt: 'yyyy/m/d', expected: '2017-05-20' },
  { label: '1904, bare serial number', date1904: true, cell: serial1904('2017-04-12'), expected: '2017-04-12' },
  { label: '1900, bare serial number', date1904: false, cell: serial1900('2017-04-12'), expected: '2017-04-12' },
  { label: '1904, serial typed as text', date1904: true, cell: String(serial1904('2017-06-01')), expected: '2017-06-01' },
  {
    label: '1904, =DATE() in built-in 31',
    date1904: true,
    cell: { formula: 'DATE(2017,8,8)', result: serial1904('2017-08-08') },
    numFmt: CN_DATE,
    builtins: { [CN_DATE]: 31 },
    expected: '2017-08-08',
  },
  { label: '1904, =DATE() without a format', date1904: true, cell: { formula: 'DATE(2017,8,8)', result: serial1904('2017-08-08') }, expected: '2017-08-08' },
  { label: '1900, =DATE() without a format', date1904: false, cell: { formula: 'DATE(2017,8,8)', result: serial1900('2017-08-08') }, expected: '2017-08-08' },
];

async function fileOf(c: Case): Promise<Uint8Array> {
  const spec: SheetSpec = {
    name: '台账',
    rows: [HEADER, ['东莞', c.cell, '专题讲座', '甲', '讲座', '已刊发']],
    numFmts: c.numFmt ? { B2: c.numFmt } : {},
  };
  const workbook = workbookOf([spec]);
  workbook.properties.date1904 = c.date1904;
  const bytes = await bytesOf(workbook);
  return c.builtins ? withBuiltinFormats(bytes, c.builtins) : bytes;
}

describe('date systems and built-in East Asian formats', () => {
  test.each(CASES)('$label reads as $expected', async (c) => {
    const report = await checkWorkbook(await fileOf(c), DEFAULT_CAMPAIGN, { file: 't.xlsx', asOf: '2017-12-31' });
    expect(report.records.map((r) => r.date)).toEqual([c.expected]);
    expect(report.issues.filter((i) => i.field === 'date')).toEqual([]);
  });

  test('the grid says which date system the workbook uses, and its merged areas', async () => {
    const workbook = workbookOf([{ name: 'A', rows: [['x'], ['y']], merges: ['A1:A2'] }]);
    workbook.properties.date1904 = true;
    const [sheet] = await readWorkbookGrids(await bytesOf(workbook));
    expect(sheet).toMatchObject({ name: 'A', merges: ['A1:A2'], date1904: true });
    const [plain] = await readWorkbookGrids(await bytesOf(workbookOf([{ name: 'B', rows: [['x']] }])));
    expect(plain.date1904 ?? false).toBe(false);
    expect(plain.merges ?? []).toEqual([]);
  });
});

describe('number formats kept in the copies we write', () => {
  const cases = CASES.filter((c) => c.builtins);
  test.each(cases)('check --out keeps $label', async (c) => {
    const bytes = await fileOf(c);
    const report: CheckReport = await checkWorkbook(bytes, DEFAULT_CAMPAIGN, { file: 't.xlsx', asOf: '2017-12-31' });
    const out = await loaded(await writeCheckedWorkbook(bytes, report, DEFAULT_CAMPAIGN, '2017-12-31'));
    const cell = out.getWorksheet('台账')!.getCell('B2');
    const [code] = Object.keys(c.builtins!);
    expect(cell.numFmt).toBe(code);
    const value = cell.value instanceof Date ? cell.value : (cell.value as { result: Date }).result;
    expect(value).toEqual(day(c.expected));
  });

  test('browser mode saves a built-in 31 cell with its format', async () => {
    const memory = await MemoryWorkbook.open(await fileOf(CASES[1]));
    const saved = await loaded(await memory.save());
    expect(saved.getWorksheet('台账')!.getCell('B2').numFmt).toBe(CN_DATE);
    expect(saved.getWorksheet('台账')!.getCell('B2').value).toEqual(day('2017-04-12'));
  });

  test('the styles get a definition only for the East Asian ids they use undefined', () => {
    const styles = '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><cellXfs><xf numFmtId="31"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="58"/></cellXfs></styleSheet>';
    const patched = definedCjkFormats(styles)!;
    expect(patched).toContain('<numFmts count="3">');
    expect(patched).toContain('<numFmt numFmtId="31" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>');
    expect(patched).toContain('<numFmt numFmtId="58" formatCode="m&quot;月&quot;d&quot;日&quot;"/>');
    expect(patched).not.toContain('numFmtId="14" formatCode');
    expect(definedCjkFormats('<styleSheet><cellXfs><xf numFmtId="31"/></cellXfs></styleSheet>')).toContain('<styleSheet><numFmts count="1"><numFmt numFmtId="31"');
    expect(definedCjkFormats(patched)).toBeNull();
    expect(definedCjkFormats('<styleSheet><cellXfs><xf numFmtId="14"/></cellXfs></styleSheet>')).toBeNull();
  });

  test('a file without East Asian built-ins is loaded as it is (no repacking)', async () => {
    const bytes = await bytesOf(workbookOf([{ name: 'A', rows: [[day('2017-01-01')]], numFmts: { A1: CN_DATE } }]));
    expect(withCjkFormatsDefined(bytes)).toBe(bytes);
    const junk = new Uint8Array([1, 2, 3]);
    expect(withCjkFormatsDefined(junk)).toBe(junk);
  });
});
