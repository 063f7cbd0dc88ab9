import * as ExcelJS from 'exceljs';
import { DEFAULT_CAMPAIGN } from '../../shared';
import { buildMonthlyReport } from '../../shared/report';
import { writeMonthlyReportXlsx } from '../../xlsx/report';
import { aggregate, completePoint, errorIssue, record } from './fixtures';

const campaign = DEFAULT_CAMPAIGN;
// Text a province typed that Excel would take for a formula if written carelessly.
const FORMULA_LIKE = ['=SUM(A1:A9)', '+86 10 1234', '-已报送', '@民进网站', '=HYPERLINK("http://x","点我")'];

async function written() {
  const bad = record('shaanxi-weinan', 'x', 'lecture', { title: FORMULA_LIKE[4], date: null, dateText: '三月某日' });
  bad.issues = [errorIssue(bad.row)];
  const records = [
    ...completePoint('beijing-haidian', '2017-05').map((r, i) => ({ ...r, title: FORMULA_LIKE[i] })),
    record('hainan-sanya', '2017-04-11', 'symposium', { leader: FORMULA_LIKE[3], remarks: FORMULA_LIKE[2] }),
    bad,
  ];
  const agg = aggregate('2017-05', records, { guangdong: { late: true }, heilongjiang: { submitted: false } });
  const report = buildMonthlyReport(agg, campaign, { generatedAt: '2017-06-06T01:00:00Z', remarks: '=请于月底前完成' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await writeMonthlyReportXlsx(report, agg, campaign)) as unknown as ExcelJS.Buffer);
  return { workbook, report };
}

function cells(sheet: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const out: ExcelJS.Cell[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => void out.push(cell)));
  return out;
}

function rowWith(sheet: ExcelJS.Worksheet, column: number, value: string, after = 1): ExcelJS.Row {
  for (let r = after; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(column).value === value) return sheet.getRow(r);
  throw new Error(`no row with ${value} in column ${column} of ${sheet.name}`);
}

describe('the monthly report workbook', () => {
  let workbook: ExcelJS.Workbook;
  let report: Awaited<ReturnType<typeof written>>['report'];
  beforeAll(async () => ({ workbook, report } = await written()));

  it('has the report first, then 汇总, 完成情况, 报送情况', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['2017年05月月报', '汇总', '完成情况', '报送情况']);
  });

  it('never holds a formula, and keeps user text that looks like one as text', () => {
    for (const sheet of workbook.worksheets) {
      for (const cell of cells(sheet)) {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula).toBeUndefined();
      }
    }
    const texts = workbook.worksheets.flatMap((s) => cells(s).map((c) => c.value));
    for (const text of [...FORMULA_LIKE, '=请于月底前完成']) expect(texts).toContain(text);
  });

  it('reads back the figures of the model', () => {
    const sheet = workbook.getWorksheet('2017年05月月报')!;
    expect(sheet.getCell('A1').value).toBe('民进中央学习实践活动第四批联系点工作月报');
    const table2 = rowWith(sheet, 1, '表2　规定动作完成情况').number;
    const all = rowWith(sheet, 2, '完成全部规定动作的联系点', table2);
    expect([all.getCell(3).value, all.getCell(4).value, all.getCell(5).value]).toEqual([1, 12, report.completion.pointRate]);
    expect(all.getCell(5).numFmt).toBe('0.0%');
    const sums = rowWith(sheet, 2, '规定动作合计（项）', table2);
    expect([sums.getCell(3).value, sums.getCell(4).value]).toEqual([report.completion.requirementsDone, 36]);
    const totals = rowWith(sheet, 2, '合计');
    expect([totals.getCell(4).value, totals.getCell(5).value]).toEqual([3, 4]);
    const shaanxi = rowWith(workbook.getWorksheet('报送情况')!, 2, '陕西省');
    expect([shaanxi.getCell(3).value, shaanxi.getCell(7).value]).toEqual(['按时报送', 1]);
    expect(rowWith(workbook.getWorksheet('报送情况')!, 2, '广东省').getCell(3).value).toBe('逾期报送');
    expect(workbook.getWorksheet('汇总')!.rowCount).toBe(2 + 5);
  });

  it('is laid out for A4 printing, with data bars and highlights', () => {
    const sheet = workbook.getWorksheet('2017年05月月报')!;
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: false, scale: 100 });
    expect(sheet.getCell('A1').font).toMatchObject({ bold: true, size: 18 });
    // exceljs keeps what it read in `conditionalFormattings`, which its types leave out.
    const formats = (sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    const rules = formats.flatMap((f) => f.rules.map((r) => ({ ref: f.ref, ...r })));
    expect(rules.some((r) => r.type === 'dataBar' && r.ref.startsWith('E'))).toBe(true);
    expect(rules.some((r) => r.type === 'expression' && r.formulae?.some((f: string) => f.includes('"未完成"')))).toBe(true);
    const table3 = rowWith(sheet, 1, '表3　各联系点进展').number;
    expect(sheet.getRow(table3 + 1).getCell(2).border?.top?.style).toBe('thin');
  });
});
