// The CLI end to end, in-process, on files it wrote itself.
import * as ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CAMPAIGN, FIELD_LABELS, HIGHLIGHT, STATUS_SHEET_NAME, TEMPLATE_COLUMNS, TYPE_LABELS, type CheckReport, type FieldKey } from '../../shared';
import { fillToken, noteText } from '../../xlsx';
import { MONTHLY_SHEETS, bytesOf, day, loaded, tempDir, xlsxOf } from '../xlsx/workbooks';
import { cli } from './run';

const ERROR_FILL = (HIGHLIGHT.error.fill as string).toUpperCase();
const USER_FILL = '#92D050';
const BIJIE = DEFAULT_CAMPAIGN.points.find((p) => p.id === 'guizhou-bijie')!;
const HAIDIAN = DEFAULT_CAMPAIGN.points.find((p) => p.id === 'beijing-haidian')!;
const col = (key: FieldKey): number => TEMPLATE_COLUMNS.indexOf(key) + 1;

/** Fills a template written by the CLI the way a person would, with one wrong date. */
async function fillTemplate(file: string): Promise<void> {
  const book = await loaded(readFileSync(file));
  const sheet = book.getWorksheet('台账')!;
  const rows: [string, ExcelJS.CellValue, keyof typeof TYPE_LABELS, string | null][] = [
    [BIJIE.name, day('2017-03-15'), 'lecture', '《贵州民进》第3期'],
    [BIJIE.name, day('2017-04-02'), 'symposium', null],
    [HAIDIAN.name, day('2016-12-03'), 'veteran-visit', null],
    [HAIDIAN.name, day('2017-05-02'), 'lecture', '《北京民进》'],
  ];
  rows.forEach(([point, date, type, publication], i) => {
    const r = i + 2;
    sheet.getCell(r, col('liaisonPoint')).value = point;
    sheet.getCell(r, col('date')).value = date;
    sheet.getCell(r, col('type')).value = TYPE_LABELS[type].zh;
    sheet.getCell(r, col('leader')).value = '张三';
    sheet.getCell(r, col('title')).value = '不忘合作初心，继续携手前进';
    if (publication) sheet.getCell(r, col('publication')).value = publication;
  });
  // A colour the user put there before any check.
  sheet.getCell(4, col('remarks')).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${USER_FILL.slice(1)}` } };
  sheet.getCell(4, col('date')).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${USER_FILL.slice(1)}` } };
  writeFileSync(file, await bytesOf(book));
}

describe('liaison-tracker template → fill → check', () => {
  const dir = tempDir('lt-cli');
  const template = path.join(dir, 'tracker.xlsx');
  let report: CheckReport;

  beforeAll(async () => {
    expect((await cli(dir, 'template', 'tracker.xlsx')).code).toBe(0);
    await fillTemplate(template);
  });

  it('check --json prints the CheckReport contract and exits 1 on errors', async () => {
    const result = await cli(dir, 'check', 'tracker.xlsx', '--json', '--as-of', '2017-12-31');
    expect(result.code).toBe(1);
    report = JSON.parse(result.stdout) as CheckReport;
    expect(result.stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(report).toMatchObject({ file: 'tracker.xlsx', sheet: '台账', headerRow: 1 });
    expect(report.columns).toMatchObject({ liaisonPoint: 'A', date: 'B', type: 'C' });
    expect(report.records.map((r) => [r.row, r.liaisonPointId, r.date, r.type])).toEqual([
      [2, 'guizhou-bijie', '2017-03-15', 'lecture'],
      [3, 'guizhou-bijie', '2017-04-02', 'symposium'],
      [4, 'beijing-haidian', '2016-12-03', 'veteran-visit'],
      [5, 'beijing-haidian', '2017-05-02', 'lecture'],
    ]);
    expect(report.issues.filter((i) => i.severity === 'error')).toMatchObject([{ row: 4, cell: 'B4', code: 'date-out-of-period' }]);
    expect(report.completeness.map((p) => [p.liaisonPointId, p.missing])).toEqual([
      ['beijing-haidian', ['symposium-or-branch-meeting', 'veteran-visit']],
      ['guizhou-bijie', ['veteran-visit']],
    ]);
  });

  it('--all-points covers every point and --as-of cuts off later activities', async () => {
    const all = JSON.parse((await cli(dir, 'check', 'tracker.xlsx', '--json', '--all-points', '--as-of', '2017-03-31')).stdout) as CheckReport;
    expect(all.completeness).toHaveLength(DEFAULT_CAMPAIGN.points.length);
    const bijie = all.completeness.find((p) => p.liaisonPointId === 'guizhou-bijie')!;
    expect(bijie.missing).toEqual(['symposium-or-branch-meeting', 'veteran-visit']);
  });

  it('prints a readable Chinese report by default', async () => {
    const { code, stdout } = await cli(dir, 'check', 'tracker.xlsx', '--as-of=2017-12-31');
    expect(code).toBe(1);
    expect(stdout).toContain('共 4 条活动记录；错误 1 个');
    expect(stdout).toContain('第 4 行');
    expect(stdout).toContain('B4');
    expect(stdout).toMatch(new RegExp(`${HAIDIAN.name}.*尚缺：.*座谈交流或支部生活会.*看望老同志`));
    expect(stdout).toMatch(new RegExp(`${BIJIE.name}.*尚缺：看望老同志`));
  });

  it('--out writes the workbook annotated, with a 完成情况 sheet; a second --out on the fixed file clears it', async () => {
    const first = await cli(dir, 'check', 'tracker.xlsx', '--json', '--as-of', '2017-12-31', '--out', 'checked.xlsx');
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('checked.xlsx');
    const checked = await loaded(readFileSync(path.join(dir, 'checked.xlsx')));
    const sheet = checked.getWorksheet('台账')!;
    expect(fillToken(sheet.getCell('B4').style.fill)).toBe(ERROR_FILL);
    expect(noteText(sheet.getCell('B4').note)).toContain('2016-12-03');
    expect(fillToken(sheet.getCell('B2').style.fill)).toBeNull();
    const remarks = sheet.getCell(4, col('remarks'));
    expect(fillToken(remarks.style.fill)).toBe(USER_FILL);
    const warned = report.issues.filter((i) => i.severity === 'warning' && i.cell);
    for (const issue of warned) expect(noteText(sheet.getCell(issue.cell!).note)).toContain(issue.message);

    const status = checked.getWorksheet(STATUS_SHEET_NAME)!;
    const text = status.getSheetValues().flat().map(String).join('|');
    expect(text).toContain(HAIDIAN.name);
    expect(text).toContain(BIJIE.name);
    expect(text).toContain('未完成');
    expect(checked.worksheets.map((w) => w.name)).toContain('填写说明');

    // The user fixes the date in the checked copy and checks it again.
    sheet.getCell('B4').value = day('2017-01-03');
    sheet.getCell(3, col('type')).value = TYPE_LABELS['veteran-visit'].zh;
    writeFileSync(path.join(dir, 'fixed.xlsx'), await bytesOf(checked));
    const second = await cli(dir, 'check', 'fixed.xlsx', '--as-of', '2017-12-31', '--out', 'fixed-checked.xlsx');
    expect(second.code).toBe(0);
    const again = (await loaded(readFileSync(path.join(dir, 'fixed-checked.xlsx')))).getWorksheet('台账')!;
    expect(fillToken(again.getCell('B4').style.fill)).toBe(USER_FILL);
    expect(noteText(again.getCell('B4').note)).toBeNull();
    expect(fillToken(again.getCell(4, col('remarks')).style.fill)).toBe(USER_FILL);
  });
});

describe('a workbook with several tracker sheets', () => {
  const dir = tempDir('lt-cli-months');

  it('a sheet per month under the same header is checked as one tracker', async () => {
    const month = (date: string) => [['联系点', '活动日期', '活动类型'], ['三亚', date, '专题讲座']];
    writeFileSync(path.join(dir, 'months.xlsx'), await xlsxOf([{ name: '3月', rows: month('2017-03-01') }, { name: '4月', rows: month('2017-04-01') }]));
    const text = await cli(dir, 'check', 'months.xlsx');
    expect(text.stdout).toContain('工作表「3月」「4月」（共 2 张，合为一本台账）');
    expect(text.stdout).not.toContain('注意：');
    const json = JSON.parse((await cli(dir, 'check', 'months.xlsx', '--json')).stdout) as CheckReport;
    expect(json.otherSheets).toBeUndefined();
    expect(json.records.map((r) => [r.sheet, r.row])).toEqual([['3月', 2], ['4月', 2]]);
  });

  it('--json and --out on a monthly workbook: issues, completeness and highlights per sheet', async () => {
    writeFileSync(path.join(dir, 'monthly.xlsx'), await xlsxOf(MONTHLY_SHEETS));
    const text = await cli(dir, 'check', 'monthly.xlsx', '--as-of', '2017-12-31');
    expect(text.stdout).toContain('问题（按工作表、按行）：');
    expect(text.stdout).toContain('  工作表「2月」\n    第 3 行\n      [错误] 工作表「2月」第3行 C3');
    expect(text.stdout).toContain('注意：工作表「汇总」中也有活动记录，本次只检查了「1月」「2月」「3月」。');

    const json = JSON.parse((await cli(dir, 'check', 'monthly.xlsx', '--json', '--as-of', '2017-12-31')).stdout) as CheckReport;
    expect(json.parts!.map((p) => p.sheet)).toEqual(['1月', '2月', '3月']);
    expect(json.records).toHaveLength(5);
    expect(json.issues.filter((i) => i.severity === 'error')).toEqual([expect.objectContaining({ sheet: '2月', row: 3, cell: 'C3' })]);
    expect(json.completeness[0]).toMatchObject({ liaisonPointId: 'guizhou-bijie', complete: true });
    expect(json.otherSheets).toEqual(['汇总']);

    const out = await cli(dir, 'check', 'monthly.xlsx', '--as-of', '2017-12-31', '--out', 'monthly-checked.xlsx');
    expect(out.code).toBe(1);
    const book = await loaded(readFileSync(path.join(dir, 'monthly-checked.xlsx')));
    const [jan, feb, mar] = ['1月', '2月', '3月'].map((name) => book.getWorksheet(name)!);
    expect(fillToken(feb.getCell('C3').style.fill)).toBe(ERROR_FILL);
    expect(noteText(feb.getCell('C3').note)).toContain('2017年13月45日');
    expect(fillToken(mar.getCell('D2').style.fill)).toBe((HIGHLIGHT.warning.fill as string).toUpperCase());
    expect(noteText(mar.getCell('D2').note)).toContain('工作表「3月」第2行 D2');
    // Row 3 and column C of the other months are fine and stay untouched.
    for (const [sheet, cell] of [[mar, 'C3'], [jan, 'C3'], [jan, 'D2'], [feb, 'D2']] as const) {
      expect(fillToken(sheet.getCell(cell).style.fill)).toBeNull();
      expect(noteText(sheet.getCell(cell).note)).toBeNull();
    }
  });
});

describe('unusable input exits 2 with the reason on stderr', () => {
  const dir = tempDir('lt-cli-bad');

  it('a text file renamed .xlsx is read as the table it is (formats are told from the content)', async () => {
    writeFileSync(path.join(dir, 'notes.xlsx'), '联系点,活动日期\n海淀,2017-03-15\n');
    const { code, stderr, stdout } = await cli(dir, 'check', 'notes.xlsx');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('没有找到台账');
  });

  it('a file that is no spreadsheet', async () => {
    writeFileSync(path.join(dir, 'scan.xlsx'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x0a, 0x00, 0x01]));
    const { code, stderr } = await cli(dir, 'check', 'scan.xlsx');
    expect(code).toBe(2);
    expect(stderr).toContain('不是电子表格');
  });

  it('a workbook without a tracker', async () => {
    writeFileSync(path.join(dir, 'budget.xlsx'), await xlsxOf([{ name: '预算', rows: [['项目', '金额'], ['办公', 100]] }]));
    const { code, stderr } = await cli(dir, 'check', 'budget.xlsx', '--json');
    expect(code).toBe(2);
    expect(stderr).toContain('没有找到台账');
  });

  it('a missing file, a missing sheet, a bad --as-of, an unknown option', async () => {
    writeFileSync(path.join(dir, 'ok.xlsx'), await xlsxOf([{ name: '台账', rows: [['联系点', '活动日期', '活动类型']] }]));
    expect(await cli(dir, 'check', 'nope.xlsx')).toMatchObject({ code: 2, stderr: expect.stringContaining('找不到文件') });
    expect(await cli(dir, 'check', 'ok.xlsx', '--sheet', '二月')).toMatchObject({ code: 2, stderr: expect.stringContaining('「台账」') });
    expect(await cli(dir, 'check', 'ok.xlsx', '--as-of', 'someday')).toMatchObject({ code: 2, stderr: expect.stringContaining('--as-of') });
    expect(await cli(dir, 'check', 'ok.xlsx', '--verbose')).toMatchObject({ code: 2, stderr: expect.stringContaining('--verbose') });
    expect(await cli(dir, 'frobnicate')).toMatchObject({ code: 2 });
  });

  it('a campaign file that is not JSON, or wrong, says where', async () => {
    writeFileSync(path.join(dir, 'ok.xlsx'), await xlsxOf([{ name: '台账', rows: [['联系点', '活动日期', '活动类型']] }]));
    writeFileSync(path.join(dir, 'broken.json'), '{ "id": ');
    const broken = await cli(dir, 'check', 'ok.xlsx', '--campaign', 'broken.json');
    expect(broken).toMatchObject({ code: 2, stderr: expect.stringContaining('broken.json') });
    const wrong = { ...DEFAULT_CAMPAIGN, period: { start: '2017-13-01', end: '2017-12-31' } };
    writeFileSync(path.join(dir, 'wrong.json'), JSON.stringify(wrong));
    const result = await cli(dir, 'template', 'x.xlsx', '--campaign', 'wrong.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('period');
  });
});

describe('campaign import and help', () => {
  const fixture = path.join(__dirname, '..', 'fixtures', 'plan-2017-batch-4.txt');

  it('imports the seed plan as the default campaign', async () => {
    const { code, stdout } = await cli(process.cwd(), 'campaign', 'import', fixture, '--json');
    expect(code).toBe(0);
    const campaign = JSON.parse(stdout) as typeof DEFAULT_CAMPAIGN;
    expect(campaign.points.map((p) => p.id)).toEqual(DEFAULT_CAMPAIGN.points.map((p) => p.id));
    expect(campaign.period).toEqual(DEFAULT_CAMPAIGN.period);
  });

  it('the imported campaign drives check --campaign', async () => {
    const dir = tempDir('lt-cli-campaign');
    const imported = await cli(dir, 'campaign', 'import', fixture, '--json');
    writeFileSync(path.join(dir, 'campaign.json'), imported.stdout);
    const rows = [
      [FIELD_LABELS.liaisonPoint.zh, FIELD_LABELS.date.zh, FIELD_LABELS.type.zh, FIELD_LABELS.leader.zh, FIELD_LABELS.title.zh],
      ['吴忠', '2017-03-15', '看望老同志', '张三', '看望'],
    ];
    writeFileSync(path.join(dir, 't.xlsx'), await xlsxOf([{ name: '台账', rows }]));
    const report = JSON.parse((await cli(dir, 'check', 't.xlsx', '--campaign', 'campaign.json', '--json')).stdout) as CheckReport;
    expect(report.completeness).toMatchObject([{ liaisonPointId: 'ningxia-wuzhong', missing: ['lecture', 'symposium-or-branch-meeting'] }]);
  });

  it('help lists every command; no arguments shows it too', async () => {
    const { code, stdout } = await cli(process.cwd(), 'help');
    expect(code).toBe(0);
    for (const name of ['check FILE ', 'template OUT.xlsx', 'campaign import PLAN.txt', '--all-points', '--out CHECKED.xlsx']) {
      expect(stdout).toContain(name);
    }
    expect((await cli(process.cwd())).stdout).toBe(stdout);
  });
});
