import { computeCompleteness, DEFAULT_CAMPAIGN, statusSheet } from '../../shared';
import type { SheetModel } from '../../shared/sheet-model';
import {
  aggregateSheets,
  breakLines,
  buildMonthlyReport,
  monthlyReportSheet,
  monthlyReportSheetName,
  reportWorkbookName,
  textWidth,
} from '../../shared/report';
import fc from 'fast-check';
import { aggregate, completePoint, errorIssue, record } from './fixtures';

const campaign = DEFAULT_CAMPAIGN;

function sample() {
  const bad = record('shaanxi-weinan', '2017-05-03', 'veteran-visit', { title: '=HYPERLINK("x")' });
  bad.issues = [errorIssue(bad.row)];
  const records = [
    ...completePoint('beijing-haidian', '2017-04'),
    record('fujian-nanping', '2017-05-09', 'symposium', { remarks: '+86 电话' }),
    bad,
  ];
  return aggregate('2017-05', records, { guangdong: { late: true }, heilongjiang: { submitted: false } });
}

/** The text of every cell, row by row. */
const texts = (model: SheetModel): string[] => model.rows.flat().filter((v): v is string => typeof v === 'string');
const rowStarting = (model: SheetModel, first: unknown, column = 0) => model.rows.find((r) => r[column] === first);

describe('aggregateSheets', () => {
  const agg = sample();
  const [records, status, submissions] = aggregateSheets(agg, campaign);

  it('gives 汇总, 完成情况 and 报送情况', () => {
    expect([records.name, status.name, submissions.name]).toEqual(['汇总', '完成情况', '报送情况']);
  });

  it('汇总 holds every current record with province, point and its issues', () => {
    expect(records.rows).toHaveLength(2 + agg.records.length);
    expect(records.headerRows).toEqual([2]);
    const header = records.rows[1];
    const at = (name: string) => header.indexOf(name);
    const bad = records.rows.find((r) => r[at('省级组织')] === '陕西省')!;
    expect(bad[at('联系点')]).toBe('民进陕西省渭南市委员会');
    expect(bad[at('活动主题')]).toBe('=HYPERLINK("x")');
    expect(bad[at('检查结果')]).toBe('错误');
    expect(String(bad[at('问题')])).toContain('活动日期无法识别');
    expect(records.conditionalFormats?.map((f) => f.equals)).toEqual(['错误', '警告']);
    // Campaign order: 北京 before 福建 before 陕西.
    expect(records.rows.slice(2).map((r) => r[at('省级组织')])).toEqual(['北京市', '北京市', '北京市', '福建省', '陕西省']);
  });

  it('完成情况 is the core status sheet, on the same completeness as the report', () => {
    const counting = agg.records.filter((r) => r.issues.length === 0);
    const expected = statusSheet(
      computeCompleteness(counting, [], campaign, { asOf: '2017-05-31', pointIds: campaign.points.map((p) => p.id) }),
      campaign,
      '2017-05-31',
    );
    expect(status).toEqual(expected);
  });

  it('报送情况 shows each province: on time, late, not submitted', () => {
    expect(submissions.rows).toHaveLength(2 + campaign.provinces.length);
    expect(rowStarting(submissions, '广东省', 1)?.[2]).toBe('逾期报送');
    expect(rowStarting(submissions, '黑龙江省', 1)?.[2]).toBe('未报送');
    expect(rowStarting(submissions, '北京市', 1)?.[2]).toBe('按时报送');
    expect(rowStarting(submissions, '陕西省', 1)?.slice(5, 7)).toEqual([1, 1]);
    expect(String(submissions.rows[0][0])).toContain('应于2017年6月5日前报送');
  });
});

describe('monthlyReportSheet', () => {
  const report = buildMonthlyReport(sample(), campaign, { generatedAt: '2017-06-06T01:00:00Z', remarks: '请各地6月底前报送典型材料。' });
  const sheet = monthlyReportSheet(report);
  const all = texts(sheet).join('\n');

  it('is named for the month, and so is the workbook', () => {
    expect(sheet.name).toBe('2017年05月月报');
    expect(monthlyReportSheetName('2017-12')).toBe('2017年12月月报');
    expect(reportWorkbookName('2017-05')).toBe('联系点工作月报_2017年05月.xlsx');
  });

  it('prints on A4 portrait, fitted to the width', () => {
    expect(sheet.print).toEqual({ orientation: 'portrait', fitToWidth: true });
  });

  it('carries the title, the four headings, the remarks and the pace rule', () => {
    expect(sheet.rows[0][0]).toBe('民进中央学习实践活动第四批联系点工作月报');
    for (const heading of ['一、总体情况', '二、各联系点进展', '三、存在问题', '四、下一步工作', '办公室意见：']) {
      expect(texts(sheet)).toContain(heading);
    }
    expect(all).toContain('请各地6月底前报送典型材料。');
    expect(all).toContain(report.pace.explanation.slice(0, 20));
  });

  it('has the completion table with the model figures, data bars and a chart on it', () => {
    const table2 = sheet.rows.findIndex((r) => String(r[0]).startsWith('表2'));
    const lecture = sheet.rows.slice(table2).find((r) => r[1] === '专题讲座')!;
    const q = report.completion.byRequirement[0];
    expect(lecture.slice(2, 5)).toEqual([q.done, q.due, q.rate]);
    const total = rowStarting(sheet, '完成全部规定动作的联系点', 1)!;
    expect(total.slice(2, 5)).toEqual([1, 12, 1 / 12]);
    const [chart] = sheet.charts ?? [];
    expect(chart.type).toBe('bar');
    const rowOf = (a1: string) => Number(a1.replace(/^[A-Z]+/, ''));
    const [from, to] = chart.categories.split(':').map(rowOf);
    expect(sheet.rows.slice(from - 1, to).map((r) => r[1])).toEqual(report.completion.byRequirement.map((r) => r.name));
    expect(chart.values.startsWith('E')).toBe(true);
    expect(sheet.dataBars?.some((b) => b.range.startsWith('E'))).toBe(true);
  });

  it('lists each point with its requirements, missing ones highlighted', () => {
    const fujian = rowStarting(sheet, '民进福建省南平市委员会', 1)!;
    expect(fujian.slice(2, 5)).toEqual(['未完成', '已完成 05-09', '未完成']);
    const beijing = rowStarting(sheet, '民进北京市海淀区委员会', 1)!;
    expect(beijing.slice(2, 5)).toEqual(['已完成 04-03', '已完成 04-10', '已完成 04-20']);
    expect(sheet.conditionalFormats?.some((f) => f.equals === '未完成' && f.range.startsWith('C'))).toBe(true);
  });

  it('keeps every row to the sheet width, merges apart, and text lines within the page', () => {
    const width = sheet.columnWidths!.length;
    expect(sheet.rows.every((r) => r.length === width)).toBe(true);
    const mergedRows = (sheet.merges ?? []).map((m) => m.replace(/[A-Z]+(\d+):[A-Z]+(\d+)/, '$1-$2'));
    expect(new Set(mergedRows).size).toBe(mergedRows.length);
    const page = sheet.columnWidths!.reduce((s, w) => s + w, 0);
    const lines = sheet.rows.filter((r) => typeof r[0] === 'string' && r.slice(1).every((v) => v === null)).map((r) => String(r[0]));
    expect(lines.every((l) => textWidth(l) <= page)).toBe(true);
  });
});

describe('breakLines', () => {
  it('keeps the text, never starts a line with closing punctuation, never splits a number', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('联', '系', '点', '，', '。', '2017', '66.7%', '（', '）', 'ab', ' '), { maxLength: 80 }), fc.integer({ min: 4, max: 60 }), (parts, width) => {
        const text = parts.join('');
        const lines = breakLines(text, width);
        expect(lines.join('')).toBe(text);
        const closing = (ch: string | undefined) => ch !== undefined && '，。、；：）'.includes(ch);
        // Bug: a lone 「。」 stood on its own line after a line that already ended in 「）」.
        for (const line of lines.slice(1)) expect(closing(line[0])).toBe(false);
        const words = text.match(/[0-9A-Za-z.%\-:/]+/g) ?? [];
        const longest = Math.max(width, ...words.map(textWidth));
        // Only closing marks overhang the width.
        for (const line of lines) expect(textWidth(line.replace(/[，。、；：）]+$/, ''))).toBeLessThanOrEqual(longest);
      }),
    );
    expect(breakLines('完成率66.7%，已完成', 8)).toEqual(['完成率', '66.7%，', '已完成']);
    expect(breakLines('尚缺看望老同志）。', 8)).toEqual(['尚缺看望', '老同志）。']);
  });
});
